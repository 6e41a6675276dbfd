package io.gridshift.bench.fuzz;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.codec.OadrCodecOptions;
import io.gridshift.openadr.examples.OadrExamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 10's bench run of generated hostile input: by default 1,000,000 inputs, four fifths for the
 * edge codecs (mutated golden messages in JSON and CBOR, random bytes, deep nesting, each read as a
 * random channel) and one fifth for the OpenADR codec (mutated golden documents, random bytes,
 * entity tricks, deep nesting). A failure is any outcome but the documented one: a record, an
 * {@link InvalidFieldException}, a too-large refusal, or an {@link OadrCodecException} with a read
 * reason. A watchdog thread ends the run if one input takes longer than 10 s (a hang). Prints the
 * count, failures, slowest input, throughput and the peak heap; never fails on a number.
 *
 * <p>{@code java -cp gridshift-benchmarks.jar io.gridshift.bench.fuzz.HostileInputRun [count]
 * [seed]}
 */
@SuppressWarnings("checkstyle:noPrint")
public final class HostileInputRun {
    private static final long HANG_NANOS = 10_000_000_000L;
    private static final String[] XML_TOKENS = {
        "<",
        ">",
        "/>",
        "</",
        "&",
        "&amp;",
        "&nope;",
        "&#0;",
        "&#1114112;",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "<?pi x?>",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>",
        " xmlns=\"urn:evil\"",
        " a=\"1\" a=\"2\"",
        "\u0000",
        "é",
        "9999999999999999999999",
        "<a><a><a></a></a></a>"
    };
    private static final String[] JSON_TOKENS = {
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        "\"",
        "null",
        "true",
        "1e999",
        "-0",
        "\"\\ud800\"",
        "99999999999999999999999999",
        "\"site\"",
        "\"v\"",
        "NaN",
        "[[[[[[[[[[[[[[[[[["
    };
    private static final EnumSet<OadrCodecException.Failure> READ_FAILURES =
            EnumSet.complementOf(
                    EnumSet.of(OadrCodecException.Failure.IO, OadrCodecException.Failure.MARSHAL));

    private final SplittableRandom random;
    private final OadrCodec oadr = new OadrCodec();
    private final List<byte[]> oadrSeeds = new ArrayList<>();
    private final List<byte[]> jsonSeeds = new ArrayList<>();
    private final List<byte[]> cborSeeds = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private volatile long startedAt;
    private volatile String current = "";
    private long slowestNanos;
    private String slowest = "";

    private HostileInputRun(long seed) {
        this.random = new SplittableRandom(seed);
        for (String name : OadrExamples.names()) {
            oadrSeeds.add(OadrExamples.bytes(name));
        }
        for (String name :
                List.of(
                        "telemetry",
                        "flex",
                        "status",
                        "dispatch",
                        "dispatch-migrate-in",
                        "ack",
                        "ack-rejected")) {
            byte[] json = resource("/io/gridshift/edge/v1/examples/" + name + ".json");
            jsonSeeds.add(json);
            Channel channel = Channel.valueOf(name.split("-")[0].toUpperCase());
            cborSeeds.add(EdgeCodec.cbor().encodeMessage(EdgeCodec.json().decode(channel, json)));
        }
    }

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 10;
        new HostileInputRun(seed).run(count);
    }

    private void run(long count) {
        ScheduledExecutorService watchdog =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "hang-watchdog");
                            t.setDaemon(true);
                            return t;
                        });
        watchdog.scheduleAtFixedRate(this::watch, 200, 200, TimeUnit.MILLISECONDS);
        // JAXB's context and the schema are built on the first read: not an input's cost.
        oadr.readPayload(oadrSeeds.get(0));
        long[] perCodec = new long[3];
        long begin = System.nanoTime();
        for (long i = 0; i < count; i++) {
            int which = i % 5 == 4 ? 2 : (int) (i % 2);
            perCodec[which]++;
            byte[] input = which == 2 ? oadrInput() : edgeInput(which == 1);
            current = which + ":" + i;
            long t0 = System.nanoTime();
            startedAt = t0;
            String failure = which == 2 ? readOadr(input) : readEdge(which == 1, input);
            long took = System.nanoTime() - t0;
            startedAt = 0;
            if (took > slowestNanos) {
                slowestNanos = took;
                slowest =
                        (which == 2 ? "oadr " : which == 1 ? "cbor " : "json ")
                                + input.length
                                + " bytes";
            }
            if (failure != null && failures.size() < 1000) {
                failures.add("input " + i + ": " + failure + " <- " + show(input));
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "hostile inputs: %d (json %d, cbor %d, openadr %d), seed-driven%n",
                count, perCodec[0], perCodec[1], perCodec[2]);
        System.out.printf("failures (not the documented outcome): %d%n", failures.size());
        failures.stream().limit(10).forEach(f -> System.out.println("  " + f));
        System.out.printf("slowest input: %.1f ms (%s)%n", slowestNanos / 1e6, slowest);
        System.out.printf(
                "throughput: %.0f inputs/s over %.1f s (one thread)%n", count / seconds, seconds);
        System.out.printf(
                "peak heap used (sum of heap pools' peaks): %.0f MiB (max %d MiB)%n",
                peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
    }

    private void watch() {
        long at = startedAt;
        if (at != 0 && System.nanoTime() - at > HANG_NANOS) {
            System.out.println("HANG: input " + current + " ran for more than 10 s");
            Runtime.getRuntime().halt(3);
        }
    }

    private String readEdge(boolean cbor, byte[] payload) {
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        EdgeCodec codec = cbor ? EdgeCodec.cbor() : EdgeCodec.json();
        try {
            Record r = codec.decode(channel, payload);
            return channel.messageType().isInstance(r) ? null : "wrong type " + r;
        } catch (InvalidFieldException e) {
            return e.field().isBlank() || e.rule().isBlank() ? "unnamed refusal " + e : null;
        } catch (GridshiftException e) {
            return e.kind() == ErrorKind.TOO_LARGE ? null : "undocumented " + e;
        } catch (RuntimeException | StackOverflowError e) {
            return "threw " + e;
        }
    }

    private String readOadr(byte[] doc) {
        try {
            return oadr.readPayload(doc).getOadrSignedObject() == null ? "no object" : null;
        } catch (OadrCodecException e) {
            return READ_FAILURES.contains(e.failure())
                            && e.reason().equals(e.failure().code())
                            && (e.failure() == OadrCodecException.Failure.TOO_LARGE)
                                    == (doc.length > OadrCodecOptions.DEFAULT_MAX_DOCUMENT_BYTES)
                    ? null
                    : "undocumented " + e;
        } catch (RuntimeException | StackOverflowError e) {
            return "threw " + e;
        }
    }

    private byte[] edgeInput(boolean cbor) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            List<byte[]> seeds = cbor ? cborSeeds : jsonSeeds;
            return mutate(seeds.get(random.nextInt(seeds.size())), cbor ? null : JSON_TOKENS);
        }
        if (kind < 9) {
            return randomBytes(600);
        }
        int depth = 1 + random.nextInt(100_000);
        if (cbor) {
            byte[] deep = new byte[depth + 1];
            Arrays.fill(deep, (byte) 0x81);
            deep[depth] = 1;
            return deep;
        }
        return utf8("[".repeat(depth) + "]".repeat(depth));
    }

    private byte[] oadrInput() {
        int kind = random.nextInt(20);
        if (kind < 16) {
            return mutate(oadrSeeds.get(random.nextInt(oadrSeeds.size())), XML_TOKENS);
        }
        if (kind < 18) {
            return randomBytes(2000);
        }
        String poll = new String(oadrSeeds.get(0), StandardCharsets.UTF_8);
        if (kind == 18) {
            int levels = 1 + random.nextInt(30);
            return utf8("<!DOCTYPE x [<!ENTITY a \"" + "&a;".repeat(levels) + "\">]>" + poll);
        }
        int depth = 1 + random.nextInt(100_000);
        return utf8(
                poll.replace(
                        "</oadr:oadrPayload>",
                        "<a>".repeat(depth) + "</a>".repeat(depth) + "</oadr:oadrPayload>"));
    }

    /** One to six edits: overwrite, delete, duplicate, insert a token or byte, truncate. */
    private byte[] mutate(byte[] p, String[] tokens) {
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && p.length > 0; e++) {
            int at = random.nextInt(p.length);
            int len = Math.min(random.nextInt(32), p.length - at);
            switch (random.nextInt(tokens == null ? 5 : 6)) {
                case 0 -> {
                    p = p.clone();
                    p[at] = (byte) random.nextInt(256);
                }
                case 1 -> {
                    byte[] shorter = new byte[p.length - len];
                    System.arraycopy(p, 0, shorter, 0, at);
                    System.arraycopy(p, at + len, shorter, at, p.length - at - len);
                    p = shorter;
                }
                case 2 -> p = insert(p, at, Arrays.copyOfRange(p, at, at + len));
                case 3 -> p = insert(p, at, new byte[] {(byte) random.nextInt(256)});
                case 4 -> p = Arrays.copyOf(p, at);
                default -> p = insert(p, at, utf8(tokens[random.nextInt(tokens.length)]));
            }
        }
        return p;
    }

    private static byte[] insert(byte[] p, int at, byte[] what) {
        byte[] out = new byte[p.length + what.length];
        System.arraycopy(p, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(p, at, out, at + what.length, p.length - at);
        return out;
    }

    private byte[] randomBytes(int max) {
        byte[] b = new byte[random.nextInt(max + 1)];
        random.nextBytes(b);
        return b;
    }

    private static String show(byte[] input) {
        String text = new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String path) {
        try (InputStream in = HostileInputRun.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
