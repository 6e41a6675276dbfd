package io.gridshift.edge.codec;

import static io.gridshift.edge.codec.BadSyntaxTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.Channel;
import org.junit.jupiter.api.Test;

/** The options' limits hold before and while parsing, in both formats, and name what broke them. */
class LimitsTest {
    private static final String TELEMETRY = Examples.text("telemetry.json").strip();

    @Test
    void aPayloadOverTheLimitIsRefusedBeforeParsing() {
        int limit = EdgeCodecOptions.DEFAULT_MAX_PAYLOAD_BYTES;
        String atLimit = TELEMETRY + " ".repeat(limit - TELEMETRY.length());

        assertThat(EdgeCodec.json().decodeTelemetry(Wire.utf8(atLimit)).seq()).isEqualTo(81234);
        assertThatThrownBy(() -> EdgeCodec.json().decodeTelemetry(Wire.utf8(atLimit + " ")))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                            assertThat(e.reason()).isEqualTo("too_large");
                        })
                .hasMessage("$: the payload has 262145 bytes, more than the limit of 262144");
        EdgeCodec small = EdgeCodec.cbor(EdgeCodecOptions.defaults().withMaxPayloadBytes(1024));
        assertThatThrownBy(() -> small.decodeAck(new byte[1025]))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("more than the limit of 1024");
    }

    @Test
    void aLongStringIsRefusedWhereverItIs() {
        EdgeCodec codec = EdgeCodec.json(EdgeCodecOptions.defaults().withMaxStringLength(256));
        String longSite = TELEMETRY.replace("dc-sh-01", "d".repeat(257));
        String longUnknown =
                TELEMETRY.replace("\"v\":1,", "\"v\":1,\"note\":\"" + "n".repeat(300) + "\",");

        InvalidFieldException site = refused(codec, Channel.TELEMETRY, Wire.utf8(longSite));
        InvalidFieldException unknown = refused(codec, Channel.TELEMETRY, Wire.utf8(longUnknown));

        assertThat(site.field()).isEqualTo("site");
        assertThat(site.rule()).isEqualTo("length");
        assertThat(site.getMessage())
                .contains("must have at most 256 characters")
                .contains("...(259 chars)");
        assertThat(unknown.field()).isEqualTo("note");
        assertThat(unknown.rule()).isEqualTo("length");
    }

    @Test
    void aLongFieldNameIsRefusedByTheParser() {
        String longName = TELEMETRY.replace("\"v\":1,", "\"v\":1,\"" + "n".repeat(2000) + "\":1,");

        InvalidFieldException e = refused(EdgeCodec.json(), Channel.TELEMETRY, Wire.utf8(longName));

        assertThat(e.rule()).isEqualTo("limit");
        assertThat(e.getMessage()).contains("Name length");
    }

    @Test
    void deepNestingIsRefusedInBothFormats() {
        String deep = "[".repeat(40) + "]".repeat(40);
        String json = TELEMETRY.replace("\"v\":1,", "\"v\":1,\"extra\":" + deep + ",");

        for (EdgeFormat format : EdgeFormat.values()) {
            EdgeCodec codec = EdgeCodec.of(format, EdgeCodecOptions.defaults());
            InvalidFieldException e = refused(codec, Channel.TELEMETRY, Wire.as(format, json));
            assertThat(e.rule()).as("%s", format).isEqualTo("depth");
            assertThat(e.field()).startsWith("extra[0][0]");
            assertThat(e.getMessage()).contains("must nest at most 16 levels deep");
        }
    }

    @Test
    void theShallowestAllowedDepthStillReadsEveryMessage() {
        EdgeCodec codec = EdgeCodec.json(EdgeCodecOptions.defaults().withMaxNestingDepth(8));
        for (String name : Examples.ALL) {
            Channel channel = Channel.fromSegment(Examples.segment(name));
            assertThat(codec.decode(channel, Examples.bytes(name))).isNotNull();
        }
    }

    @Test
    void longArraysAreRefusedKnownOrNot() {
        EdgeCodec codec = EdgeCodec.json(EdgeCodecOptions.defaults().withMaxArrayLength(64));
        String zones =
                java.util.stream.IntStream.rangeClosed(0, 64)
                        .mapToObj(i -> "\"Z" + i + "\"")
                        .collect(java.util.stream.Collectors.joining(", "));
        String flex = Examples.text("flex.json").replace("\"CN-GS\", \"CN-NM\"", zones);
        String unknown =
                TELEMETRY.replace("\"v\":1,", "\"v\":1,\"extra\":[" + "0,".repeat(64) + "0],");

        InvalidFieldException known = refused(codec, Channel.FLEX, Wire.utf8(flex));
        InvalidFieldException skipped = refused(codec, Channel.TELEMETRY, Wire.utf8(unknown));

        assertThat(known.field()).isEqualTo("resources[4].jobs[0].allowedZones");
        assertThat(known.rule()).isEqualTo("size");
        assertThat(known.getMessage()).contains("must have at most 64 entries");
        assertThat(skipped.field()).isEqualTo("extra");
        assertThat(skipped.rule()).isEqualTo("size");
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkipped() {
        String json =
                TELEMETRY.replace(
                        "\"v\":1,",
                        "\"v\":1,\"future\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},\"flag\":true,");
        for (EdgeFormat format : EdgeFormat.values()) {
            EdgeCodec codec = EdgeCodec.of(format, EdgeCodecOptions.defaults());
            assertThat(codec.decodeTelemetry(Wire.as(format, json)))
                    .isEqualTo(EdgeCodec.json().decodeTelemetry(Wire.utf8(TELEMETRY)));
        }
    }

    @Test
    void optionsBelowWhatV1NeedsAreRefused() {
        assertThatThrownBy(() -> EdgeCodecOptions.defaults().withMaxStringLength(100))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("maxStringLength: must be between 256 and");
        assertThatThrownBy(() -> EdgeCodecOptions.defaults().withMaxNestingDepth(4))
                .hasMessageStartingWith("maxNestingDepth: must be between 8 and 1000");
        assertThatThrownBy(() -> EdgeCodecOptions.defaults().withMaxPayloadBytes(0))
                .hasMessageStartingWith("maxPayloadBytes:");
        assertThatThrownBy(() -> EdgeCodecOptions.defaults().withMaxArrayLength(10))
                .hasMessageStartingWith("maxArrayLength:");
        assertThat(EdgeCodecOptions.defaults())
                .isEqualTo(new EdgeCodecOptions(256 * 1024, 1024, 16, 10_000));
    }
}
