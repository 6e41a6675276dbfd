package io.gridshift.edge.codec;

import static io.gridshift.edge.codec.Gen.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.edge.Channel;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * decode(encode(x)) equals x for every message, in JSON and in CBOR. Each seed draws a quarter of
 * the cases; each case goes through both codecs.
 */
class RoundTripTest {
    private static final List<EdgeCodec> CODECS = List.of(EdgeCodec.json(), EdgeCodec.cbor());

    static LongStream seeds() {
        return Gen.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void telemetrySurvivesTheWire(long seed) {
        forAll(
                seed,
                100,
                MessageGen::telemetry,
                t -> {
                    for (EdgeCodec codec : CODECS) {
                        byte[] wire = codec.encode(t);
                        assertThat(codec.decodeTelemetry(wire)).as("%s", codec).isEqualTo(t);
                        assertThat(codec.encode(codec.decodeTelemetry(wire)))
                                .as("%s re-encoded", codec)
                                .isEqualTo(wire);
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void envelopesOfEveryResourceKindSurviveTheWire(long seed) {
        forAll(
                seed,
                75,
                MessageGen::envelope,
                e -> {
                    for (EdgeCodec codec : CODECS) {
                        byte[] wire = codec.encode(e);
                        assertThat(codec.decodeFlex(wire)).as("%s", codec).isEqualTo(e);
                        assertThat(codec.encode(codec.decodeFlex(wire)))
                                .as("%s re-encoded", codec)
                                .isEqualTo(wire);
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void ordersOfEveryActionKindSurviveTheWire(long seed) {
        forAll(
                seed,
                75,
                MessageGen::order,
                o -> {
                    for (EdgeCodec codec : CODECS) {
                        byte[] wire = codec.encode(o);
                        assertThat(codec.decodeDispatch(wire)).as("%s", codec).isEqualTo(o);
                        assertThat(codec.encode(codec.decodeDispatch(wire)))
                                .as("%s re-encoded", codec)
                                .isEqualTo(wire);
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void acksSurviveTheWire(long seed) {
        forAll(
                seed,
                75,
                MessageGen::ack,
                a -> {
                    for (EdgeCodec codec : CODECS) {
                        assertThat(codec.decodeAck(codec.encode(a))).as("%s", codec).isEqualTo(a);
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void statusesSurviveTheWire(long seed) {
        forAll(
                seed,
                50,
                MessageGen::status,
                s -> {
                    for (EdgeCodec codec : CODECS) {
                        assertThat(codec.decodeStatus(codec.encode(s)))
                                .as("%s", codec)
                                .isEqualTo(s);
                    }
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theGenericCallsAgreeWithTheTypedOnes(long seed) {
        forAll(
                seed,
                75,
                MessageGen::message,
                message -> {
                    Channel channel = Channel.of(message);
                    for (EdgeCodec codec : CODECS) {
                        byte[] wire = codec.encodeMessage(message);
                        assertThat(codec.decode(channel, wire)).as("%s", codec).isEqualTo(message);
                    }
                    assertThat(channel.messageType())
                            .isInstanceOf(Class.class)
                            .isEqualTo(message.getClass());
                });
    }
}
