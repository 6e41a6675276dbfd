package io.gridshift.edge.codec;

import static io.gridshift.edge.codec.Gen.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever arrives, a decode either returns a valid record or throws an {@link
 * InvalidFieldException} (or a too-large {@link GridshiftException}); never a Jackson exception, an
 * NPE, a ClassCastException, and never the codec's last-resort wrapper for unexpected errors. Each
 * seed draws a quarter of the payloads; each payload is read as every channel.
 */
class HostileInputTest {
    private static final List<EdgeCodec> CODECS = List.of(EdgeCodec.json(), EdgeCodec.cbor());

    private static final String[] TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"v\"",
        "1",
        "\"site\"",
        "\"dc-1\"",
        "\"resources\"",
        "\"kind\"",
        "\"BATTERY\"",
        "\"actions\"",
        "null",
        "true",
        "-0.5e3",
        "\"ts\"",
        "\"2026-07-01T06:00:00Z\"",
        "\"\\ud800\"",
        "1e999",
        "\"lossCurve\"",
        "\"jobs\"",
        "\"rampS\"",
        "NaN",
        " "
    };

    static LongStream seeds() {
        return Gen.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytes(long seed) {
        forAll(
                seed,
                250,
                g -> new Bytes(g.bytes(0, 300)),
                payload -> {
                    for (EdgeCodec codec : CODECS) {
                        for (Channel channel : Channel.values()) {
                            decodeOrRefuseCleanly(codec, channel, payload.value());
                        }
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonTokenSoup(long seed) {
        forAll(
                seed,
                250,
                g -> String.join("", g.list(0, 60, () -> g.pick(TOKENS))),
                text -> {
                    for (Channel channel : Channel.values()) {
                        decodeOrRefuseCleanly(EdgeCodec.json(), channel, Wire.utf8(text));
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mutatedValidPayloads(long seed) {
        forAll(
                seed,
                250,
                g -> new Mutated(MessageGen.message(g), g.list(1, 4, () -> Edit.draw(g))),
                mutated -> {
                    for (EdgeCodec codec : CODECS) {
                        byte[] payload = codec.encodeMessage(mutated.message());
                        for (Edit edit : mutated.edits()) {
                            payload = edit.applyTo(payload);
                        }
                        for (Channel readAs : Channel.values()) {
                            decodeOrRefuseCleanly(codec, readAs, payload);
                        }
                    }
                });
    }

    private static void decodeOrRefuseCleanly(EdgeCodec codec, Channel channel, byte[] payload) {
        String what = codec + " as " + channel + ": " + show(codec, payload);
        try {
            Record decoded = codec.decode(channel, payload);
            assertThat(decoded).as(what).isInstanceOf(channel.messageType());
        } catch (InvalidFieldException e) {
            assertThat(e.field()).as(what).isNotBlank();
            assertThat(e.rule()).as(what).isNotBlank();
            assertThat(e.getMessage()).as(what).startsWith(e.field() + ": ");
            assertThat(e.getMessage().chars().noneMatch(Character::isISOControl))
                    .as("printable: %s; %s", e.getMessage(), what)
                    .isTrue();
        } catch (GridshiftException e) {
            assertThat(e.kind()).as("%s; %s", e, what).isEqualTo(ErrorKind.TOO_LARGE);
        } catch (RuntimeException e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    private static String show(EdgeCodec codec, byte[] payload) {
        return codec.format() == EdgeFormat.JSON
                ? new String(payload, StandardCharsets.UTF_8)
                : Gen.hex(payload);
    }

    /** A payload that prints as hex in a failure message. */
    record Bytes(byte[] value) {
        @Override
        public String toString() {
            return Gen.hex(value);
        }
    }

    /** A valid message and the edits made to its encoding. */
    record Mutated(Record message, List<Edit> edits) {}

    /**
     * Flip one byte (kind 0), delete (1) or duplicate (2) up to 31 bytes, insert one byte (3), or
     * truncate (4), at {@code at} modulo the payload's length.
     */
    record Edit(int kind, int at, int value) {
        static Edit draw(Gen g) {
            return new Edit(
                    g.between(0, 4),
                    g.between(Integer.MIN_VALUE, Integer.MAX_VALUE),
                    g.between(0, 255));
        }

        byte[] applyTo(byte[] p) {
            if (p.length == 0) {
                return p;
            }
            int from = Math.floorMod(at, p.length);
            int len = Math.min(value & 0x1f, p.length - from);
            switch (kind) {
                case 0:
                    byte[] flipped = p.clone();
                    flipped[from] = (byte) value;
                    return flipped;
                case 1:
                    byte[] shorter = new byte[p.length - len];
                    System.arraycopy(p, 0, shorter, 0, from);
                    System.arraycopy(p, from + len, shorter, from, p.length - from - len);
                    return shorter;
                case 2:
                    byte[] longer = Arrays.copyOf(p, p.length + len);
                    System.arraycopy(p, from, longer, from + len, p.length - from);
                    return longer;
                case 3:
                    byte[] inserted = Arrays.copyOf(p, p.length + 1);
                    System.arraycopy(p, from, inserted, from + 1, p.length - from);
                    inserted[from] = (byte) value;
                    return inserted;
                default:
                    return Arrays.copyOf(p, from);
            }
        }
    }
}
