package io.gridshift.agent.slurm;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partition limits orders lowered, and what they were before. Slurm has no place on a partition
 * for the adapter's mark (unlike a job's admin comment), so each change is written to a journal
 * file before Slurm gets it ({@code slurm.stateFile}), and read back when the adapter starts: an
 * agent that crashed while an order held a limit restores it once the order's end has passed
 * ({@link #restoreEnded}), as it does for jobs. Without a journal file the changes are kept in
 * memory only.
 */
final class PartitionHolds {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionHolds.class);

    /**
     * One limit changed for an order.
     *
     * @param limit the limit and the value set
     * @param before the value Slurm had before
     */
    record Changed(PartitionLimit limit, String before, Instant until) {}

    private final SlurmCli slurm;
    private final Path journal;
    private final Map<String, List<Changed>> byOrder = new LinkedHashMap<>();

    /**
     * @param journal where the changes are kept across restarts; {@code null}: memory only
     */
    PartitionHolds(SlurmCli slurm, Path journal) {
        this.slurm = slurm;
        this.journal = journal;
        load();
    }

    /** Lowers {@code limit} for {@code order} until {@code until}, remembering its value. */
    synchronized void lower(String order, PartitionLimit limit, Instant until) {
        String before = current(limit);
        byOrder.computeIfAbsent(order, k -> new ArrayList<>())
                .add(new Changed(limit, before, until));
        // written ahead: a crash between here and Slurm leaves an entry whose restore is a no-op
        save();
        slurm.updatePartition(limit.partition(), limit.key(), limit.value());
    }

    /** Restores the limits of every order whose end is not after {@code now}. */
    synchronized void restoreEnded(Instant now) {
        for (String order : List.copyOf(byOrder.keySet())) {
            boolean ended = byOrder.get(order).stream().allMatch(c -> !c.until().isAfter(now));
            if (ended) {
                LOG.warn("Order {} ended but still holds partition limits: restoring them", order);
                try {
                    restore(order);
                } catch (GridshiftException e) {
                    LOG.warn("Cannot restore the limits of order {}: {}", order, e.getMessage());
                }
            }
        }
    }

    /**
     * Sets back every limit {@code order} lowered, last first. A limit someone changed since is
     * left as they set it. A limit that fails stays remembered for the next try, and the failure is
     * thrown after the others were tried.
     */
    synchronized void restore(String order) {
        List<Changed> changed = byOrder.getOrDefault(order, List.of());
        List<Changed> left = new ArrayList<>();
        RuntimeException first = null;
        for (int i = changed.size() - 1; i >= 0; i--) {
            Changed c = changed.get(i);
            try {
                String now = current(c.limit());
                if (now.equalsIgnoreCase(c.limit().value())) {
                    slurm.updatePartition(c.limit().partition(), c.limit().key(), c.before());
                } else {
                    LOG.warn(
                            "Partition {} {} is {} now, not the {} order {} set: left as it is",
                            c.limit().partition(),
                            c.limit().key(),
                            now,
                            c.limit().value(),
                            order);
                }
            } catch (RuntimeException e) {
                left.add(0, c);
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (left.isEmpty()) {
            byOrder.remove(order);
        } else {
            byOrder.put(order, left);
        }
        save();
        if (first != null) {
            throw first;
        }
    }

    synchronized boolean holds(String order) {
        return byOrder.containsKey(order);
    }

    /** One line per change: order, partition, key, value set, value before, until. */
    private void save() {
        if (journal == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        byOrder.forEach(
                (order, changes) -> {
                    for (Changed c : changes) {
                        text.append(
                                        String.join(
                                                "\t",
                                                order,
                                                c.limit().partition(),
                                                c.limit().key(),
                                                c.limit().value(),
                                                c.before(),
                                                c.until().toString()))
                                .append('\n');
                    }
                });
        try {
            Path dir = journal.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, journal.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(
                    tmp,
                    journal,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "slurm_journal",
                    "slurm.stateFile: cannot write " + journal + ": " + e.getMessage(),
                    e);
        }
    }

    private void load() {
        if (journal == null || !Files.isRegularFile(journal)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 6) {
                    LOG.warn("{}: skipping an unreadable line: {}", journal, line);
                    continue;
                }
                byOrder.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(
                                new Changed(
                                        new PartitionLimit(f[1], f[2], f[3]),
                                        f[4],
                                        Instant.parse(f[5])));
            }
        } catch (IOException | RuntimeException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "slurm_journal",
                    "slurm.stateFile: cannot read " + journal + ": " + e.getMessage(),
                    e);
        }
    }

    private String current(PartitionLimit limit) {
        String value = slurm.partition(limit.partition()).get(limit.key());
        if (value == null) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    SqueueParser.REASON,
                    "scontrol shows no " + limit.key() + " for partition " + limit.partition());
        }
        return value;
    }
}
