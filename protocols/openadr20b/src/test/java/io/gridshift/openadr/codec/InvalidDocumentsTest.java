package io.gridshift.openadr.codec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under golden-invalid/ is refused with the right reason and a message that names the
 * offending element (and, where the parser knows it, the line).
 */
class InvalidDocumentsTest {
    private static final OadrCodec CODEC = new OadrCodec();

    record Case(String file, String reason, List<String> messageParts) {
        @Override
        public String toString() {
            return file + " -> " + reason;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(
                        "missing-required-element.xml",
                        "schema",
                        List.of("in element 'oadrEvent'", "vtnID", "is expected", "line 15")),
                new Case(
                        "wrong-element-order.xml",
                        "schema",
                        List.of("in element 'oadrTransportName'", "oadrProfileName", "line 15")),
                new Case(
                        "bad-enum.xml",
                        "schema",
                        List.of("in element 'eventStatus'", "'started'", "enumeration")),
                new Case(
                        "bad-number.xml",
                        "schema",
                        List.of("in element 'value'", "'three'", "float", "/payloadFloat/value")),
                new Case(
                        "wrong-namespace-root.xml",
                        "wrong_namespace",
                        List.of(
                                "'oadrPayload'",
                                "'http://openadr.org/oadr-2.0a/2012/07'",
                                "expected 'http://openadr.org/oadr-2.0b/2012/07'")),
                new Case(
                        "wrong-namespace-nested.xml",
                        "schema",
                        List.of(
                                "in element 'eiEvent'",
                                "{\"http://openadr.org/oadr-2.0b/2012/07\":eiEvent}",
                                "{\"http://docs.oasis-open.org/ns/energyinterop/201110\":eiEvent}")),
                new Case(
                        "unknown-root.xml",
                        "unknown_root",
                        List.of("root element 'oadrPoll'", "expected oadrPayload", "line 3")),
                new Case(
                        "doctype-xxe.xml",
                        "doctype_forbidden",
                        List.of("DOCTYPE for element 'oadrPayload' is forbidden", "line 3")),
                new Case(
                        "doctype-external-dtd.xml",
                        "doctype_forbidden",
                        List.of("DOCTYPE for element 'oadrPayload'", "evil.dtd")),
                new Case(
                        "billion-laughs.xml",
                        "doctype_forbidden",
                        List.of("DOCTYPE for element 'oadrPayload'", "forbidden")),
                new Case(
                        "not-xml.json",
                        "malformed",
                        List.of("malformed XML at line 1, column 1", "not allowed in prolog")),
                new Case(
                        "truncated.xml",
                        "malformed",
                        List.of("malformed XML in element 'signalPayload'", "line ")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isRefusedWithAReasonAndAMessageThatNamesTheElement(Case c) throws IOException {
        byte[] xml = load(c.file());

        assertThatThrownBy(() -> CODEC.readPayload(xml))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.reason())
                                    .as(e.getMessage())
                                    .isEqualTo(c.reason());
                            org.assertj.core.api.Assertions.assertThat(e.getMessage())
                                    .contains(c.messageParts());
                        });
    }

    @Test
    void schemaErrorsCarryElementLineAndColumn() throws IOException {
        byte[] xml = load("bad-enum.xml");

        assertThatThrownBy(() -> CODEC.readPayload(xml))
                .isInstanceOfSatisfying(
                        OadrCodecException.class,
                        e -> {
                            org.assertj.core.api.Assertions.assertThat(e.element())
                                    .contains("eventStatus");
                            org.assertj.core.api.Assertions.assertThat(e.line()).isEqualTo(26);
                            org.assertj.core.api.Assertions.assertThat(e.column()).isPositive();
                        });
    }

    static byte[] load(String file) throws IOException {
        try (InputStream in =
                InvalidDocumentsTest.class.getResourceAsStream("/golden-invalid/" + file)) {
            if (in == null) {
                throw new IOException("missing test file golden-invalid/" + file);
            }
            return in.readAllBytes();
        }
    }
}
