package io.gridshift.agent.schedule;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan version the site applied and the ack it sent, written ahead like the dispatch orders
 * (temp file, fsync, atomic rename) before the ack leaves: a restarted agent takes the plan up
 * again and answers a re-delivered copy (the retained MQTT message, a CoAP notification) with the
 * same ack instead of applying it twice.
 *
 * <p>Format: two lines, the plan and the ack, each as the edge protocol's JSON.
 */
public final class PlanJournal {
    private static final Logger LOG = LoggerFactory.getLogger(PlanJournal.class);

    private final Path file;
    private final EdgeCodec codec = EdgeCodec.json();

    public PlanJournal(Path file) {
        this.file = file;
    }

    /** The plan and ack last written. */
    public record Entry(SitePlan plan, PlanAck ack) {}

    public void save(SitePlan plan, PlanAck ack) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] text =
                (new String(codec.encode(plan), StandardCharsets.UTF_8)
                                + "\n"
                                + new String(codec.encode(ack), StandardCharsets.UTF_8)
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch =
                    FileChannel.open(
                            tmp,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(text);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(
                    tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "store_unavailable",
                    "cannot write " + file + ": " + e,
                    e);
        }
    }

    /**
     * The entry on disk; empty when none or unreadable (then logged: the agent runs at arrival).
     */
    public Optional<Entry> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            if (lines.length < 2) {
                throw new IOException("expected two lines");
            }
            return Optional.of(
                    new Entry(
                            codec.decodePlan(lines[0].getBytes(StandardCharsets.UTF_8)),
                            codec.decodePlanAck(lines[1].getBytes(StandardCharsets.UTF_8))));
        } catch (IOException | GridshiftException e) {
            LOG.warn("Ignoring the unreadable plan journal {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
