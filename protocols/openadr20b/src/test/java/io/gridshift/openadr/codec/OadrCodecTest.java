package io.gridshift.openadr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.openadr.examples.OadrExamples;
import io.gridshift.openadr.message.OadrMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrPollType;

class OadrCodecTest {
    private static final OadrCodec CODEC = new OadrCodec();
    private static final OadrCodec LENIENT =
            new OadrCodec(OadrCodecOptions.DEFAULTS.withValidate(false));
    private static final String POLL =
            new String(OadrExamples.bytes("oadrPoll.xml"), StandardCharsets.UTF_8);

    @Test
    void defaultsValidateWithOneMebibyteLimitAndCompactOutput() {
        assertThat(new OadrCodec().options())
                .isEqualTo(OadrCodecOptions.DEFAULTS)
                .isEqualTo(new OadrCodecOptions(true, 1_048_576, false));
    }

    @Test
    void limitBelowOneByteIsRefused() {
        assertThatThrownBy(() -> new OadrCodecOptions(true, 0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDocumentBytes must be at least 1, got 0");
    }

    @Test
    void readsFromStreamsAndTextAsFromBytes() {
        byte[] bytes = OadrExamples.bytes(OadrExamples.DISTRIBUTE_EVENT_24H);

        OadrPayload fromBytes = CODEC.readPayload(bytes);
        OadrPayload fromStream = CODEC.readPayload(new ByteArrayInputStream(bytes));
        OadrPayload fromText = CODEC.readPayload(new String(bytes, StandardCharsets.UTF_8));

        assertThat(CODEC.write(fromStream)).isEqualTo(CODEC.write(fromBytes));
        assertThat(CODEC.write(fromText)).isEqualTo(CODEC.write(fromBytes));
        OadrDistributeEventType event = fromBytes.getOadrSignedObject().getOadrDistributeEvent();
        assertThat(event.getVtnID()).isEqualTo("GRIDCO_VTN_01");
        assertThat(event.getOadrEvent().get(0).getEiEvent().getEiEventSignals().getEiEventSignal())
                .singleElement()
                .satisfies(s -> assertThat(s.getIntervals().getInterval()).hasSize(24));
    }

    @Test
    void honoursTheDeclaredEncodingAndRefusesBytesThatBreakIt() {
        String latin1 = POLL.replace("UTF-8", "ISO-8859-1").replace("3f:6a", "3f\u00e9");
        byte[] utf16 = POLL.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16);
        byte[] notUtf8 = POLL.replace("3f:6a", "3f\u00e9").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(
                        CODEC.readPayload(latin1.getBytes(StandardCharsets.ISO_8859_1))
                                .getOadrSignedObject()
                                .getOadrPoll()
                                .getVenID())
                .startsWith("3f\u00e9:91");
        assertThat(CODEC.readPayload(utf16).getOadrSignedObject().getOadrPoll().getVenID())
                .isEqualTo("3f:6a:91:c4:0e:27:b8:5d:12:e9");
        assertThatThrownBy(() -> CODEC.readPayload(notUtf8))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("malformed");
                            assertThat(e.getMessage())
                                    .contains("in element 'venID'", "UTF-8 sequence");
                        });
    }

    @Test
    void writesWithTheSpecificationsPrefixes() {
        String written = CODEC.writeString(CODEC.readPayload(POLL));

        assertThat(written)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>")
                .contains("<oadr:oadrPayload ", "<oadr:oadrPoll ei:schemaVersion=\"2.0b\">")
                .contains("<ei:venID>3f:6a:91:c4:0e:27:b8:5d:12:e9</ei:venID>")
                .doesNotContain("ns1:", "\n");
    }

    @Test
    void prettyPrintIndents() {
        OadrCodec pretty = new OadrCodec(OadrCodecOptions.DEFAULTS.withPrettyPrint(true));

        String written = pretty.writeString(pretty.readPayload(POLL));

        assertThat(written).contains("\n        <oadr:oadrPoll ei:schemaVersion=\"2.0b\">\n");
    }

    @Test
    void writesToAStream() {
        OadrPayload payload = CODEC.readPayload(POLL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CODEC.write(payload, out);

        assertThat(out.toByteArray()).isEqualTo(CODEC.write(payload));
    }

    @Test
    void refusesToWriteAMessageThatBreaksTheSchema() {
        OadrPayload noVenId = OadrMessages.payload(new OadrPollType());

        assertThatThrownBy(() -> CODEC.write(noVenId))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("schema");
                            assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
                            assertThat(e.getMessage())
                                    .contains(
                                            "outgoing OadrPayload: schema violation in element 'oadrPoll'")
                                    .contains("oadrPoll", "venID");
                        });
    }

    @Test
    void withoutValidationWritesAndReadsLeniently() {
        String written = LENIENT.writeString(OadrMessages.payload(new OadrPollType()));
        String unknownChild =
                POLL.replace("</ei:venID>", "</ei:venID><ei:surprise>1</ei:surprise>");

        assertThat(written).contains("<oadr:oadrPoll/>");
        assertThat(LENIENT.readPayload(written).getOadrSignedObject().getOadrPoll().getVenID())
                .isNull();
        assertThat(LENIENT.readPayload(unknownChild).getOadrSignedObject().getOadrPoll().getVenID())
                .isEqualTo("3f:6a:91:c4:0e:27:b8:5d:12:e9");
        assertThatThrownBy(() -> CODEC.readPayload(unknownChild))
                .hasMessageContaining("in element 'surprise'");
    }

    @Test
    void withoutValidationSecurityChecksStillApply() {
        String doctype =
                "<!DOCTYPE a [<!ENTITY b \"c\">]>" + POLL.substring(POLL.indexOf("<oadr:"));
        String otherNamespace = POLL.replace("oadr-2.0b/2012/07", "oadr-2.0a/2012/07");

        assertThatThrownBy(() -> LENIENT.readPayload(doctype))
                .hasMessageContaining("DOCTYPE for element 'a' is forbidden");
        assertThatThrownBy(() -> LENIENT.readPayload(otherNamespace))
                .hasMessageContaining("expected 'http://openadr.org/oadr-2.0b/2012/07'");
    }

    @Test
    void rootMustBeTheOneAsked() {
        byte[] bare = CODEC.write(CODEC.readPayload(POLL).getOadrSignedObject());

        assertThatThrownBy(() -> CODEC.readPayload(bare))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("unknown_root");
                            assertThat(e.element()).contains("oadrSignedObject");
                        });
        assertThatThrownBy(() -> CODEC.readSignedObject(POLL))
                .hasMessageContaining("root element 'oadrPayload' is not accepted here")
                .hasMessageContaining("expected oadrSignedObject");
        assertThat(CODEC.readSignedObject(bare).getOadrPoll().getVenID())
                .isEqualTo("3f:6a:91:c4:0e:27:b8:5d:12:e9");
    }

    @Test
    void canonicalIgnoresPrefixesWhitespaceAndDeclarations() {
        String other =
                "<p:oadrPayload xmlns:p=\"http://openadr.org/oadr-2.0b/2012/07\">"
                        + " <p:oadrSignedObject>\n"
                        + "  <p:oadrPoll xmlns:x=\"http://docs.oasis-open.org/ns/energyinterop/201110\""
                        + " x:schemaVersion=\"2.0b\">"
                        + "<x:venID>3f:6a:91:c4:0e:27:b8:5d:12:e9</x:venID></p:oadrPoll>"
                        + "</p:oadrSignedObject></p:oadrPayload>";

        assertThat(CODEC.canonical(other)).isEqualTo(CODEC.canonical(POLL));
        assertThat(CODEC.canonical(POLL.replace(":e9<", ":ea<")))
                .isNotEqualTo(CODEC.canonical(POLL));
    }

    @Test
    void oneCodecServesManyThreadsAtOnce() throws Exception {
        List<String> names = OadrExamples.names();
        List<byte[]> expected = new ArrayList<>();
        for (String name : names) {
            expected.add(CODEC.write(CODEC.readPayload(OadrExamples.bytes(name))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(
                        pool.submit(
                                () -> {
                                    int same = 0;
                                    for (int i = 0; i < 200; i++) {
                                        int n = (i + offset) % names.size();
                                        byte[] written =
                                                CODEC.write(
                                                        CODEC.readPayload(
                                                                OadrExamples.bytes(names.get(n))));
                                        same += Arrays.equals(written, expected.get(n)) ? 1 : 0;
                                    }
                                    return same;
                                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
