package io.gridshift.edge.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.Channel;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Payloads that are not well-formed JSON or CBOR, or use what one format allows and the protocol
 * does not (NaN, binary strings, huge integers), are refused with rule {@code syntax} or the
 * field's rule; no Jackson exception escapes.
 */
class BadSyntaxTest {
    private static final EdgeCodec JSON = EdgeCodec.json();
    private static final EdgeCodec CBOR = EdgeCodec.cbor();

    @Test
    void everyTruncationOfEveryExampleIsASyntaxError() {
        for (String name : Examples.ALL) {
            Channel channel = Channel.fromSegment(Examples.segment(name));
            byte[] json = Examples.bytes(name).clone();
            int end = json.length;
            while (Character.isWhitespace(json[end - 1])) {
                end--;
            }
            byte[] cbor = CBOR.encodeMessage(JSON.decode(channel, json));
            assertEveryPrefixIsRefused(JSON, channel, Arrays.copyOf(json, end));
            assertEveryPrefixIsRefused(CBOR, channel, cbor);
        }
    }

    private static void assertEveryPrefixIsRefused(EdgeCodec codec, Channel channel, byte[] whole) {
        for (int n = 0; n < whole.length; n++) {
            byte[] prefix = Arrays.copyOf(whole, n);
            InvalidFieldException e = refused(codec, channel, prefix);
            assertThat(e.rule())
                    .as("%s prefix of %d bytes: %s", codec.format(), n, e)
                    .isEqualTo("syntax");
            assertThat(e.field()).isNotBlank();
        }
    }

    @Test
    void textThatIsNotJsonIsRefusedAtTheRoot() {
        assertThat(refused(JSON, Channel.TELEMETRY, Wire.utf8("hello")))
                .hasMessageStartingWith("$: must be well-formed JSON: Unrecognized token 'hello'");
        assertThat(refused(JSON, Channel.TELEMETRY, Wire.utf8("")).getMessage())
                .isEqualTo("$: must be a JSON object (rule syntax, got no content)");
        assertThat(refused(JSON, Channel.TELEMETRY, Wire.utf8("[1, 2]")).getMessage())
                .isEqualTo("$: must be a JSON object (rule type, got an array)");
        assertThat(refused(JSON, Channel.TELEMETRY, Wire.utf8("42")).rule()).isEqualTo("type");
        assertThat(refused(JSON, Channel.ACK, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}).rule())
                .isEqualTo("syntax");
    }

    @Test
    void jsonExtensionsThatJacksonCouldAllowAreRefused() {
        String telemetry = Examples.text("telemetry.json");
        for (String bad :
                new String[] {
                    telemetry.replace("12040.5,\"itKw\"", "NaN,\"itKw\""),
                    telemetry.replace("12040.5,\"itKw\"", "Infinity,\"itKw\""),
                    telemetry.replace("12040.5,\"itKw\"", "-Infinity,\"itKw\""),
                    telemetry.replace("\"seq\":81234", "\"seq\":081234"),
                    telemetry.replace("\"site\":\"dc-sh-01\"", "'site':'dc-sh-01'"),
                    telemetry.replace("\"v\":1,", "\"v\":1, /* comment */"),
                    telemetry.replace("}", ",}"),
                    telemetry + "{}",
                    telemetry + "garbage"
                }) {
            InvalidFieldException e = refused(JSON, Channel.TELEMETRY, Wire.utf8(bad));
            assertThat(e.rule()).as(bad).isEqualTo("syntax");
            assertThat(e.getMessage()).doesNotContain("enable `").doesNotContain("Source:");
        }
        InvalidFieldException nan =
                refused(
                        JSON,
                        Channel.TELEMETRY,
                        Wire.utf8(telemetry.replace("12040.5,\"itKw\"", "NaN,\"itKw\"")));
        assertThat(nan.field()).isEqualTo("facilityKw");
        assertThat(nan.getMessage()).contains("Non-standard token 'NaN'");
    }

    @Test
    void cborFloatsThatAreNotFiniteAreRefusedByTheField() {
        for (double notFinite :
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            byte[] cbor = telemetryWithFacilityKw(notFinite);

            InvalidFieldException e = refused(CBOR, Channel.TELEMETRY, cbor);

            assertThat(e.field()).isEqualTo("facilityKw");
            assertThat(e.rule()).isEqualTo("finite");
            assertThat(e.getMessage()).contains("must be a finite number");
        }
    }

    @Test
    void cborBinaryWhereTextBelongsAndBigIntegersAreRefused() {
        byte[] binarySite =
                Wire.cbor(
                        g -> {
                            g.writeStartObject();
                            g.writeNumberField("v", 1);
                            g.writeFieldName("site");
                            g.writeBinary(new byte[] {1, 2, 3});
                            g.writeEndObject();
                        });
        InvalidFieldException e = refused(CBOR, Channel.STATUS, binarySite);
        assertThat(e.getMessage()).isEqualTo("site: must be a string (rule type, got binary data)");

        byte[] cbor = CBOR.encode(JSON.decodeTelemetry(Examples.bytes("telemetry.json")));
        int value = indexOf(cbor, Wire.utf8("onsiteGenKw")) + "onsiteGenKw".length();
        for (int simple : new int[] {0xf0, 0xf7}) {
            // The first byte of onsiteGenKw's value becomes simple value 16 or undefined; the
            // decoder must stop there.
            byte[] edited = cbor.clone();
            edited[value] = (byte) simple;
            assertThat(refused(CBOR, Channel.TELEMETRY, edited).getMessage())
                    .isEqualTo(
                            "onsiteGenKw: must be a number (rule type, got a CBOR simple value)");
        }

        byte[] hugeSeq =
                Wire.cbor(
                        g -> {
                            g.writeStartObject();
                            g.writeNumberField("v", 1);
                            g.writeFieldName("seq");
                            g.writeNumber(BigInteger.TWO.pow(4000));
                            g.writeEndObject();
                        });
        InvalidFieldException big = refused(CBOR, Channel.TELEMETRY, hugeSeq);
        assertThat(big.field()).isEqualTo("seq");
        assertThat(big.rule()).isEqualTo("range");
        assertThat(big.getMessage()).contains("got an integer beyond 64 bits");
    }

    @Test
    void aCborArrayOrASecondTopLevelValueIsRefused() {
        byte[] array = Wire.cbor("[1, 2]");
        assertThat(refused(CBOR, Channel.FLEX, array).getMessage())
                .isEqualTo("$: must be a CBOR object (rule type, got an array)");

        byte[] one = CBOR.encodeMessage(JSON.decodeStatus(Examples.bytes("status.json")));
        byte[] twice = Arrays.copyOf(one, one.length * 2);
        System.arraycopy(one, 0, twice, one.length, one.length);
        assertThat(refused(CBOR, Channel.STATUS, twice).getMessage())
                .isEqualTo(
                        "$: must hold one object and nothing after it (rule syntax, got an object)");
    }

    @Test
    void aLoneSurrogateInFreeTextIsRefusedBecauseNothingCouldWriteItAgain() {
        String json =
                Examples.text("ack-rejected.json").replace("battery ups", "battery \\ud800 ups");

        InvalidFieldException e = refused(JSON, Channel.ACK, Wire.utf8(json));

        assertThat(e.field()).isEqualTo("reason");
        assertThat(e.rule()).isEqualTo("pattern");
    }

    @Test
    void controlCharactersFromThePeerNeverReachAnErrorMessage() {
        String telemetry = Examples.text("telemetry.json");
        String badSite = telemetry.replace("\"dc-sh-01\"", "\"dc\\nFORGED LOG LINE\"");
        String oddName = telemetry.replace("\"v\":1,", "\"v\":1,\"a\\tb\":1,\"a\\tb\":2,");

        InvalidFieldException site = refused(JSON, Channel.TELEMETRY, Wire.utf8(badSite));
        InvalidFieldException name = refused(JSON, Channel.TELEMETRY, Wire.utf8(oddName));

        assertThat(site.getMessage())
                .isEqualTo(
                        "site: must match [a-z0-9][a-z0-9-]{0,62} (rule pattern, got"
                                + " \"dc\\u000aFORGED LOG LINE\")");
        assertThat(name.field()).isEqualTo("[\"a\\u0009b\"]");
        assertThat(name.rule()).isEqualTo("duplicate");
        assertThat(name.getMessage()).doesNotContain("\t").doesNotContain("\n");
    }

    @Test
    void aMissingPayloadIsRefused() {
        assertThat(refused(JSON, Channel.TELEMETRY, null).getMessage())
                .isEqualTo("$: a payload is required (rule required, got null)");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    static byte[] telemetryWithFacilityKw(double kw) {
        return Wire.cbor(
                g -> {
                    g.writeStartObject();
                    g.writeNumberField("v", 1);
                    g.writeStringField("site", "dc-sh-01");
                    g.writeNumberField("seq", 1);
                    g.writeStringField("ts", "2026-07-01T06:00:05Z");
                    g.writeNumberField("facilityKw", kw);
                    g.writeNumberField("itKw", 1.0);
                    g.writeNumberField("gridImportKw", 1.0);
                    g.writeNumberField("onsiteGenKw", 0.0);
                    g.writeEndObject();
                });
    }

    static InvalidFieldException refused(EdgeCodec codec, Channel channel, byte[] payload) {
        InvalidFieldException e =
                catchThrowableOfType(
                        InvalidFieldException.class, () -> codec.decode(channel, payload));
        assertThat(e).as("refused").isNotNull();
        return e;
    }
}
