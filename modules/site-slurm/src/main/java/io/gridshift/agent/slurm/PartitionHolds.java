package io.gridshift.agent.slurm;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partition limits orders lowered, and what they were before. Kept in memory: Slurm has no
 * place on a partition for the adapter's mark (unlike a job's admin comment), so after an agent
 * crash while an order holds a limit, the limit stays lowered until set back by hand (the README
 * says so).
 */
final class PartitionHolds {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionHolds.class);

    /**
     * One limit changed for an order.
     *
     * @param limit the limit and the value set
     * @param before the value Slurm had before
     */
    record Changed(PartitionLimit limit, String before) {}

    private final SlurmCli slurm;
    private final Map<String, List<Changed>> byOrder = new HashMap<>();

    PartitionHolds(SlurmCli slurm) {
        this.slurm = slurm;
    }

    /** Lowers {@code limit} for {@code order}, remembering the value it had. */
    synchronized void lower(String order, PartitionLimit limit) {
        String before = current(limit);
        slurm.updatePartition(limit.partition(), limit.key(), limit.value());
        byOrder.computeIfAbsent(order, k -> new ArrayList<>()).add(new Changed(limit, before));
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
        if (first != null) {
            throw first;
        }
    }

    synchronized boolean holds(String order) {
        return byOrder.containsKey(order);
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
