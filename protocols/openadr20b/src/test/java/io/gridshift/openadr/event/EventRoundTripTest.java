package io.gridshift.openadr.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.event.GridEvent;
import io.gridshift.openadr.XmlCompare;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.examples.OadrExamples;
import io.gridshift.openadr.message.OadrMessages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.w3c.dom.Node;

/**
 * Golden event → GridEvent → oadrEvent gives back the golden document, but for exactly the elements
 * GridEvent has no field for (the mapper's documented gaps).
 */
class EventRoundTripTest {
    /** What GridEvent does not carry: see the OadrEventMapper javadoc. */
    private static final Set<String> GAPS = Set.of("modificationDateTime", "vtnComment");

    private static final OadrCodec CODEC = new OadrCodec();
    private static final OadrEventMapper MAPPER = new OadrEventMapper();

    static Stream<String> events() {
        return OadrExamples.names().stream().filter(n -> n.startsWith("oadrDistributeEvent"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void goldenEventComesBackButForTheGaps(String example) {
        String original = new String(OadrExamples.bytes(example), StandardCharsets.UTF_8);
        OadrDistributeEventType read =
                CODEC.readPayload(original).getOadrSignedObject().getOadrDistributeEvent();
        List<GridEvent> events = MAPPER.toGridEvents(read);

        OadrDistributeEventType written =
                MAPPER.toDistributeEvent(
                        read.getRequestID(),
                        read.getVtnID(),
                        events,
                        // before every golden event starts: all currentValues are 0
                        events.get(0).createdAt());
        written.setEiResponse(read.getEiResponse());
        String xml = CODEC.writeString(OadrMessages.payload(written));

        XmlCompare.assertSimilar(original, xml, EventRoundTripTest::notAGap);
        assertThat(MAPPER.toGridEvents(written)).isEqualTo(events);
    }

    private static boolean notAGap(Node node) {
        if (node.getNodeType() != Node.ELEMENT_NODE) {
            return true;
        }
        String name = node.getLocalName();
        boolean signalTarget =
                name.equals("eiTarget")
                        && node.getParentNode() != null
                        && "eiEventSignal".equals(node.getParentNode().getLocalName());
        return !GAPS.contains(name) && !signalTarget;
    }
}
