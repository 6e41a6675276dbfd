package io.gridshift.openadr.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OadrExamplesTest {

    @Test
    void listsAndLoadsTheShippedExamples() {
        assertThat(OadrExamples.names())
                .hasSizeGreaterThanOrEqualTo(25)
                .contains(
                        OadrExamples.DISTRIBUTE_EVENT_24H,
                        OadrExamples.DISTRIBUTE_EVENT_MULTI_SIGNAL,
                        "oadrPoll.xml")
                .allMatch(n -> n.endsWith(".xml"));
        assertThat(new String(OadrExamples.bytes("oadrPoll.xml"), StandardCharsets.UTF_8))
                .contains("<oadr:oadrPoll ");
    }

    @Test
    void refusesUnknownNamesAndPaths() {
        assertThatThrownBy(() -> OadrExamples.bytes("nope.xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no OpenADR example /openadr20b/examples/nope.xml");
        assertThatThrownBy(() -> OadrExamples.bytes("../xsd/oadr_20b.xsd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
