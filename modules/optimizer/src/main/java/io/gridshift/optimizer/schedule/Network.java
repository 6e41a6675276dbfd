package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.util.Map;

/**
 * The links between sites: one transfer bandwidth for moving a job's data, latency between zones
 * (e.g. the shipped Google Cloud matrix), and what moving a GB costs.
 *
 * @param transferGbps bandwidth for a job's data between sites, Gbit/s
 * @param latencyMs latency by origin zone then destination zone, ms; a pair not listed gets {@code
 *     defaultLatencyMs}; the same zone is 0 unless listed
 * @param defaultLatencyMs latency of an unlisted pair of different zones
 * @param costPerGb transfer (egress) cost per GB moved, currency
 */
public record Network(
        double transferGbps,
        Map<GridZone, Map<GridZone, Double>> latencyMs,
        double defaultLatencyMs,
        double costPerGb) {
    public Network {
        Check.range("transferGbps", transferGbps, 1e-3, 10_000);
        latencyMs = Map.copyOf(Check.required("latencyMs", latencyMs));
        Check.range("defaultLatencyMs", defaultLatencyMs, 0, ScheduleJob.ANY_LATENCY);
        Check.range("costPerGb", costPerGb, 0, 1000);
    }

    /** No latency data, 10 Gbit/s, free transfer. */
    public static Network simple(double transferGbps) {
        return new Network(transferGbps, Map.of(), 0, 0);
    }

    public double latencyMs(GridZone from, GridZone to) {
        Map<GridZone, Double> row = latencyMs.get(from);
        Double ms = row == null ? null : row.get(to);
        if (ms != null) {
            return ms;
        }
        return from.equals(to) ? 0 : defaultLatencyMs;
    }

    /** Time to move {@code dataGb} to another site. */
    public Duration transferTime(double dataGb) {
        return Duration.ofMillis((long) Math.ceil(dataGb * 8 / transferGbps * 1000));
    }
}
