package io.gridshift.agent.slurm;

import io.gridshift.agent.gpu.ProcessCommandRunner;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code adapters=...,slurm}: the {@link SlurmSiteAdapter} on the Slurm commands of this machine (a
 * login or controller node where the agent's user is a Slurm administrator, e.g. root or the
 * SlurmUser). Found by the agent through {@link java.util.ServiceLoader} when this jar is on its
 * class path.
 */
public final class SlurmSiteFactory implements SiteAdapterFactory {
    public static final String NAME = "slurm";

    public static final Option<Path> BIN_DIR =
            Option.optional(
                    "slurm.binDir",
                    Parsers.path(),
                    "Folder with squeue and scontrol; default: the PATH.");
    public static final Option<Path> CONF =
            Option.optional(
                    "slurm.conf",
                    Parsers.path(),
                    "The slurm.conf the commands use (SLURM_CONF); default: Slurm's own.");
    public static final Option<Set<String>> PARTITIONS =
            Option.optional(
                    "slurm.partitions",
                    SlurmSiteFactory::partitions,
                    "Partitions whose jobs may be flexible, comma separated; default: all.");
    public static final Option<Double> DEFAULT_CPU_KW =
            Option.of(
                    "slurm.defaultCpuKw",
                    Double.toString(SlurmAdapterOptions.DEFAULT_CPU_KW),
                    Parsers.number(0, 10),
                    "Power per CPU of a job whose comment states no `kw`, kW.");
    public static final Option<List<PartitionLimit>> PARTITION_LIMITS =
            Option.optional(
                    "slurm.partitionLimits",
                    text -> PartitionLimit.parseList("slurm.partitionLimits", text),
                    "Partition limits lowered while an order lasts, e.g."
                            + " `batch:MaxCPUsPerNode=8,gpu:State=DOWN`"
                            + " (MaxCPUsPerNode, MaxNodes, State); default: none.");
    public static final Option<Path> STATE_FILE =
            Option.of(
                    "slurm.stateFile",
                    "data/slurm-partition-holds.tsv",
                    Parsers.path(),
                    "Journal of lowered partition limits, so that a restarted agent restores them"
                            + " after the order's end.");
    public static final Option<Duration> TIMEOUT =
            Option.of(
                    "slurm.timeoutS",
                    "10",
                    Parsers.seconds(1, 120),
                    "Seconds a squeue or scontrol call may take before it is killed.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Option<?>> options() {
        return List.of(
                BIN_DIR, CONF, PARTITIONS, DEFAULT_CPU_KW, PARTITION_LIMITS, STATE_FILE, TIMEOUT);
    }

    @Override
    public SiteAdapter create(Settings s, SiteId site, GridZone zone, Instant start) {
        SlurmAdapterOptions options =
                new SlurmAdapterOptions(
                        site,
                        zone,
                        s.find(PARTITIONS).orElse(Set.of()),
                        s.get(DEFAULT_CPU_KW),
                        s.find(PARTITION_LIMITS).orElse(List.of()),
                        SlurmAdapterOptions.DEFAULT_RAMP,
                        SlurmAdapterOptions.DEFAULT_JOB_COST_PER_KWH);
        return new SlurmSiteAdapter(
                options,
                new ProcessCommandRunner(s.get(TIMEOUT)),
                s.find(BIN_DIR).orElse(null),
                s.find(CONF).orElse(null),
                s.get(STATE_FILE));
    }

    static Set<String> partitions(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new InvalidFieldException(
                        "slurm.partitions",
                        "partition_name",
                        text,
                        "partition names must be [A-Za-z0-9_.-], comma separated");
            }
            names.add(name);
        }
        return names;
    }
}
