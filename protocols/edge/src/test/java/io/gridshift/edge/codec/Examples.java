package io.gridshift.edge.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The golden examples shipped in the jar under {@code io/gridshift/edge/v1/examples/}. */
final class Examples {
    static final List<String> ALL =
            List.of(
                    "telemetry.json",
                    "flex.json",
                    "status.json",
                    "dispatch.json",
                    "dispatch-migrate-in.json",
                    "dispatch-rebound.json",
                    "ack.json",
                    "ack-rejected.json",
                    "jobs.json",
                    "plan.json",
                    "plan-ack.json");

    private Examples() {}

    static byte[] bytes(String name) {
        return resource("/io/gridshift/edge/v1/examples/" + name);
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] resource(String path) {
        try (InputStream in = Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The channel segment an example belongs to: the longest channel segment the file name starts
     * with, followed by a - or a dot ({@code plan-ack.json} is plan-ack, {@code plan.json} plan).
     */
    static String segment(String name) {
        String best = name.split("[-.]", 2)[0];
        for (io.gridshift.edge.Channel c : io.gridshift.edge.Channel.values()) {
            String s = c.segment();
            boolean fits = name.startsWith(s + "-") || name.startsWith(s + ".");
            if (fits && s.length() > best.length()) {
                best = s;
            }
        }
        return best;
    }
}
