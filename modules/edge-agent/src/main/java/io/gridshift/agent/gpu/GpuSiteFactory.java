package io.gridshift.agent.gpu;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code adapters=gpu}: the {@link GpuPowerAdapter} on the local {@code nvidia-smi}.
 *
 * <p>Read only unless {@code gpu.allowPowerLimit=true}: capping needs root and slows every job on
 * the board, so it is the operator's decision. The limits a cap replaced are journaled in {@code
 * gpu.stateFile} before a board is touched, so a restarted agent lifts caps whose order ended.
 */
public final class GpuSiteFactory implements SiteAdapterFactory {
    public static final String NAME = "gpu";

    public static final Option<String> NVIDIA_SMI =
            Option.of("gpu.nvidiaSmi", "nvidia-smi", Parsers.text(), "The nvidia-smi program.");
    public static final Option<Set<Integer>> IDS =
            Option.of(
                    "gpu.ids",
                    "all",
                    GpuSiteFactory::ids,
                    "GPU indices the adapter reads and caps, e.g. `0,1,2`, or `all`.");
    public static final Option<Boolean> ALLOW_POWER_LIMIT =
            Option.of(
                    "gpu.allowPowerLimit",
                    "false",
                    Parsers.bool(),
                    "Whether the operator grants the right to lower GPU power limits (root);"
                            + " off: the adapter only reads.");
    public static final Option<Double> FLOOR_W =
            Option.optional(
                    "gpu.floorW",
                    Parsers.number(0, 5_000),
                    "Lowest limit set per GPU, W; default: each board's minimum from nvidia-smi.");
    public static final Option<Double> PUE =
            Option.of(
                    "gpu.pue",
                    Double.toString(GpuAdapterOptions.DEFAULT_PUE),
                    Parsers.number(1, 3),
                    "Facility over IT power, for the GPU adapter's own reading.");
    public static final Option<Double> HOST_W =
            Option.of(
                    "gpu.hostWPerGpu",
                    "250",
                    Parsers.number(0, 5_000),
                    "Host power per GPU (CPUs, NICs, fans), W; counted, never capped.");
    public static final Option<LossCurve> LOSS_CURVE =
            Option.optional(
                    "gpu.lossCurve",
                    GpuSiteFactory::lossCurve,
                    "Throughput lost per kW capped, `kW:fraction,...` from `0:0`; default: from"
                            + " the measured H200 duty-cycle curve (pessimistic).");
    public static final Option<Path> STATE_FILE =
            Option.of(
                    "gpu.stateFile",
                    "data/gpu-power-caps.tsv",
                    Parsers.path(),
                    "Journal of the power caps held, so that a restarted agent lifts them after"
                            + " the order's end.");
    public static final Option<Duration> TIMEOUT =
            Option.of(
                    "gpu.timeoutS",
                    "10",
                    Parsers.seconds(1, 120),
                    "Seconds an nvidia-smi call may take before it is killed.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Option<?>> options() {
        return List.of(
                NVIDIA_SMI,
                IDS,
                ALLOW_POWER_LIMIT,
                FLOOR_W,
                PUE,
                HOST_W,
                LOSS_CURVE,
                STATE_FILE,
                TIMEOUT);
    }

    @Override
    public SiteAdapter create(Settings s, SiteId site, GridZone zone, Instant start) {
        GpuAdapterOptions options =
                new GpuAdapterOptions(
                        site,
                        zone,
                        s.get(PUE),
                        s.get(HOST_W),
                        s.get(ALLOW_POWER_LIMIT),
                        s.find(FLOOR_W).orElse(null),
                        s.find(LOSS_CURVE).orElse(null),
                        GpuAdapterOptions.DEFAULT_RAMP,
                        GpuAdapterOptions.DEFAULT_VALUE_PER_KWH);
        NvidiaSmi smi =
                new NvidiaSmi(
                        new ProcessCommandRunner(s.get(TIMEOUT)),
                        s.get(NVIDIA_SMI),
                        s.get(IDS).isEmpty() ? null : s.get(IDS));
        return new GpuPowerAdapter(options, smi, s.get(STATE_FILE));
    }

    /** {@code all} is the empty set. */
    static Set<Integer> ids(String text) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (text.equalsIgnoreCase("all")) {
            return ids;
        }
        for (String part : text.split(",", -1)) {
            try {
                int id = Integer.parseInt(part.strip());
                if (id < 0) {
                    throw new NumberFormatException(part);
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(
                        "gpu.ids", "gpu_ids", text, "must be `all` or GPU indices like `0,1`");
            }
        }
        return ids;
    }

    static LossCurve lossCurve(String text) {
        List<LossCurve.Point> points = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] kv = part.split(":", -1);
            try {
                if (kv.length != 2) {
                    throw new NumberFormatException(part);
                }
                points.add(
                        new LossCurve.Point(
                                Double.parseDouble(kv[0].strip()),
                                Double.parseDouble(kv[1].strip())));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(
                        "gpu.lossCurve", "loss_curve", text, "must be `kW:fraction,...`");
            }
        }
        try {
            return new LossCurve(points);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("gpu.lossCurve", "loss_curve", text, e.getMessage(), e);
        }
    }
}
