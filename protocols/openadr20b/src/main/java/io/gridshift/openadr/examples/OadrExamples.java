package io.gridshift.openadr.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The golden OpenADR 2.0b messages shipped in this jar under {@value #FOLDER}: one valid example of
 * every message a VEN and a VTN exchange, written from the schema and the specification. Other
 * modules' tests, the demo VTN and the benchmarks read them from here.
 */
public final class OadrExamples {
    /** Classpath folder of the examples. */
    public static final String FOLDER = "/openadr20b/examples/";

    /** The event every benchmark of the codec uses: 24 one-hour SIMPLE intervals. */
    public static final String DISTRIBUTE_EVENT_24H = "oadrDistributeEvent-simple-24h.xml";

    /** An event with SIMPLE, LOAD_DISPATCH and ELECTRICITY_PRICE signals and every target kind. */
    public static final String DISTRIBUTE_EVENT_MULTI_SIGNAL =
            "oadrDistributeEvent-multi-signal.xml";

    private static final String INDEX = "index.txt";

    private OadrExamples() {}

    /** File names of all examples, as listed in the folder's {@code index.txt}. */
    public static List<String> names() {
        String index = new String(read(INDEX), StandardCharsets.UTF_8);
        return index.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** The bytes of one example, e.g. {@code bytes("oadrPoll.xml")}. */
    public static byte[] bytes(String name) {
        if (name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("an example name has no folder: " + name);
        }
        return read(name);
    }

    private static byte[] read(String name) {
        try (InputStream in = OadrExamples.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no OpenADR example " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name, e);
        }
    }
}
