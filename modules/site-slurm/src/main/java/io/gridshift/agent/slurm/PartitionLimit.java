package io.gridshift.agent.slurm;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A partition limit an order lowers while it lasts, e.g. {@code batch:MaxCPUsPerNode=16}: suspended
 * jobs give their CPUs back to the scheduler, and without a lower limit other (not flexible) work
 * would start on them.
 *
 * @param partition the partition's name
 * @param key the limit, one of {@link #KEYS}
 * @param value the value set while an order lasts
 */
public record PartitionLimit(String partition, String key, String value) {
    /**
     * Limits that lower what a partition may start. {@code State=DOWN} keeps queued jobs from
     * starting while running ones go on; {@code DRAIN} also refuses new submissions.
     */
    static final Set<String> KEYS = Set.of("MaxCPUsPerNode", "MaxNodes", "State");

    private static final Set<String> STATES = Set.of("DOWN", "DRAIN", "INACTIVE");

    /** Reads {@code partition:Key=value[,partition:Key=value]}; blank is none. */
    public static List<PartitionLimit> parseList(String option, String text) {
        List<PartitionLimit> limits = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.isBlank()) {
                continue;
            }
            limits.add(parse(option, item.strip()));
        }
        return List.copyOf(limits);
    }

    private static PartitionLimit parse(String option, String item) {
        int colon = item.indexOf(':');
        int eq = item.indexOf('=', colon + 1);
        if (colon <= 0 || eq < 0) {
            throw new InvalidFieldException(
                    option, "partition_limit", item, "must be partition:Key=value");
        }
        String partition = item.substring(0, colon).strip();
        String key = item.substring(colon + 1, eq).strip();
        String value = item.substring(eq + 1).strip();
        if (!partition.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InvalidFieldException(
                    option, "partition_limit", item, "partition name must be [A-Za-z0-9_.-]");
        }
        if (!KEYS.contains(key)) {
            throw new InvalidFieldException(
                    option,
                    "partition_limit",
                    item,
                    "limit must be one of " + String.join(", ", KEYS.stream().sorted().toList()));
        }
        boolean ok =
                "State".equals(key)
                        ? STATES.contains(value.toUpperCase(Locale.ROOT))
                        : value.matches("[0-9]{1,9}");
        if (!ok) {
            throw new InvalidFieldException(
                    option,
                    "partition_limit",
                    item,
                    "State must be DOWN, DRAIN or INACTIVE; other limits a whole number");
        }
        return new PartitionLimit(
                partition, key, "State".equals(key) ? value.toUpperCase(Locale.ROOT) : value);
    }

    /**
     * Reads {@code scontrol show partition NAME --oneliner}: space separated {@code Key=Value}.
     * Output without {@code PartitionName=} is refused.
     */
    static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : text.strip().split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        if (!fields.containsKey("PartitionName")) {
            throw new IllegalArgumentException("no PartitionName=");
        }
        return fields;
    }
}
