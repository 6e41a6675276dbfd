package io.gridshift.edge.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.Channel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Randomised hostile payloads (jqwik) against both edge codecs, each read as every channel: a
 * decode returns a record of the channel's type or throws an {@link InvalidFieldException} naming
 * field and rule (or a too-large {@link GridshiftException}); never another exception, never the
 * codec's last-resort wrapper, never longer than {@link #LIMIT}. Small counts for CI; {@code
 * test-harness/bench/fuzz.sh} runs a million inputs.
 */
class HostileEdgePropertiesTest {
    private static final List<EdgeCodec> CODECS = List.of(EdgeCodec.json(), EdgeCodec.cbor());
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final int MAX = EdgeCodecOptions.DEFAULT_MAX_PAYLOAD_BYTES;

    /** The field names the protocol uses, taken from encoded messages. */
    private static final List<String> FIELDS = fieldNames();

    @Property(tries = 200)
    void mutatedValidMessagesAreReadOrRefused(
            @ForAll("seeds") long seed, @ForAll("edits") List<HostileInputTest.Edit> edits)
            throws Exception {
        Record message = MessageGen.message(new Gen(seed));
        for (EdgeCodec codec : CODECS) {
            byte[] payload = codec.encodeMessage(message);
            for (HostileInputTest.Edit edit : edits) {
                payload = edit.applyTo(payload);
            }
            decodeAsEveryChannel(codec, payload);
        }
    }

    @Property(tries = 200)
    void randomBytesAreRefused(@ForAll @Size(max = 600) byte[] payload) throws Exception {
        for (EdgeCodec codec : CODECS) {
            decodeAsEveryChannel(codec, payload);
        }
    }

    /**
     * Objects of the protocol's field names with values of any type: wrong types, numbers far
     * beyond double or long, long and unprintable strings, nested lists and objects.
     */
    @Property(tries = 150)
    void wrongTypesAndHugeNumbersAreRefusedWithTheField(@ForAll("documents") Object document)
            throws Exception {
        for (EdgeCodec codec : CODECS) {
            decodeAsEveryChannel(codec, write(codec.format(), document));
        }
    }

    @Property(tries = 30)
    void deepNestingIsRefused(
            @ForAll @IntRange(min = 1, max = 300_000) int depth, @ForAll boolean objects)
            throws Exception {
        String open = objects ? "{\"site\":" : "[";
        String close = objects ? "}" : "]";
        byte[] json = utf8(open.repeat(depth) + "1" + close.repeat(depth));
        byte[] cbor = new byte[depth + 1];
        // 0x81: an array of one item
        Arrays.fill(cbor, (byte) 0x81);
        cbor[depth] = 0x01;
        for (Channel channel : Channel.values()) {
            Throwable json1 = refusal(EdgeCodec.json(), channel, json);
            Throwable cbor1 = refusal(EdgeCodec.cbor(), channel, cbor);
            if (depth > 1) {
                assertThat(json1).as("json depth %d", depth).isNotNull();
                assertThat(cbor1).as("cbor depth %d", depth).isNotNull();
            }
        }
    }

    @Property(tries = 20)
    void payloadsOverTheLimitAreRefusedAsTooLarge(
            @ForAll @IntRange(min = 1, max = 2 * MAX) int length) throws Exception {
        byte[] payload = utf8("{\"v\":1,\"site\":\"" + "a".repeat(length) + "\"}");
        for (EdgeCodec codec : CODECS) {
            Throwable refused = refusal(codec, Channel.TELEMETRY, payload);
            assertThat(refused).isNotNull();
            if (payload.length > MAX) {
                assertThat(refused)
                        .isInstanceOfSatisfying(
                                GridshiftException.class,
                                e -> {
                                    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                                    assertThat(e.reason()).isEqualTo("too_large");
                                });
            }
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<List<HostileInputTest.Edit>> edits() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers(),
                        Arbitraries.integers().between(0, 255))
                .as(HostileInputTest.Edit::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(5);
    }

    @Provide
    Arbitrary<Object> documents() {
        return value(3).map(v -> v);
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> leaf =
                Arbitraries.oneOf(
                        Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
                        Arbitraries.strings().ofMinLength(1000).ofMaxLength(3000).map(s -> s),
                        Arbitraries.of(
                                        "dc-1",
                                        "BATTERY",
                                        "GPU_CAP",
                                        "2026-07-01T06:00:00Z",
                                        "PT15M",
                                        "",
                                        "\u0000",
                                        "\ud800",
                                        "NaN")
                                .map(s -> (Object) s),
                        Arbitraries.integers().map(i -> (Object) i),
                        Arbitraries.longs().map(l -> (Object) l),
                        Arbitraries.doubles().map(d -> (Object) d),
                        Arbitraries.integers()
                                .between(19, 5000)
                                .map(n -> (Object) BigInteger.TEN.pow(n).negate()),
                        Arbitraries.integers()
                                .between(300, 5000)
                                .map(n -> (Object) new BigDecimal("1e" + n)),
                        Arbitraries.integers()
                                .between(300, 5000)
                                .map(n -> (Object) new BigDecimal("1e-" + n)),
                        Arbitraries.of(true, false).map(b -> (Object) b),
                        Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map(l -> l);
        Arbitrary<Object> object =
                Combinators.combine(
                                Arbitraries.of(FIELDS).list().ofMaxSize(10),
                                value(depth - 1).list().ofSize(10))
                        .as(
                                (keys, values) -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    for (int i = 0; i < keys.size(); i++) {
                                        m.put(keys.get(i), values.get(i));
                                    }
                                    if (!keys.isEmpty() && keys.size() % 3 == 0) {
                                        m.put("v", 1);
                                    }
                                    return (Object) m;
                                });
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, list), Tuple.of(3, object));
    }

    private static void decodeAsEveryChannel(EdgeCodec codec, byte[] payload) throws Exception {
        for (Channel channel : Channel.values()) {
            refusal(codec, channel, payload);
        }
    }

    /**
     * Decodes within {@link #LIMIT}: null when a record of the channel's type came back, else the
     * refusal, after checking it is one the codec documents. Anything else fails the property.
     */
    private static Throwable refusal(EdgeCodec codec, Channel channel, byte[] payload)
            throws Exception {
        String what = codec + " as " + channel;
        return Bounded.call(
                LIMIT,
                () -> {
                    try {
                        Record decoded = codec.decode(channel, payload);
                        assertThat(decoded).as(what).isInstanceOf(channel.messageType());
                        return null;
                    } catch (InvalidFieldException e) {
                        assertThat(e.field()).as(what).isNotBlank();
                        assertThat(e.rule()).as(what).isNotBlank();
                        assertThat(e.getMessage()).as(what).startsWith(e.field() + ": ");
                        assertThat(e.getMessage().chars().noneMatch(Character::isISOControl))
                                .as("printable: %s", e.getMessage())
                                .isTrue();
                        return e;
                    } catch (GridshiftException e) {
                        assertThat(e.kind()).as("%s; %s", e, what).isEqualTo(ErrorKind.TOO_LARGE);
                        assertThat(payload.length).isGreaterThan(MAX);
                        return e;
                    }
                });
    }

    private static byte[] write(EdgeFormat format, Object document) throws IOException {
        JsonFactory factory = format == EdgeFormat.JSON ? new JsonFactory() : new CBORFactory();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(out)) {
            writeValue(g, document);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            // CBOR text must be UTF-8: no lone surrogates (the JSON tests cover "\\ud800")
            g.writeString(s.replaceAll("[\\x{D800}-\\x{DFFF}]", "?"));
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b);
        } else {
            g.writeBoolean((Boolean) v);
        }
    }

    private static List<String> fieldNames() {
        Set<String> names = new TreeSet<>();
        Pattern key = Pattern.compile("\"([A-Za-z]+)\":");
        Gen gen = new Gen(42);
        for (int i = 0; i < 200; i++) {
            Matcher m =
                    key.matcher(
                            new String(
                                    EdgeCodec.json().encodeMessage(MessageGen.message(gen)),
                                    StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
