package io.gridshift.agent;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * How often the agent reports and looks at its orders.
 *
 * @param telemetryPeriod one reading per period; default 5 s (1 s to 60 s)
 * @param flexCheckPeriod how often the envelope is recomputed; sent when it changed; default 10 s
 * @param flexMaxSilence the envelope is sent at least this often even unchanged; default 5 min
 * @param flexValidity how long a sent envelope stays valid; default 2 × flexMaxSilence
 * @param tickPeriod how often the agent's loop runs (orders start and end on it, besides the exact
 *     timer at each order's start and end); default 1 s
 */
public record ReportingOptions(
        Duration telemetryPeriod,
        Duration flexCheckPeriod,
        Duration flexMaxSilence,
        Duration flexValidity,
        Duration tickPeriod) {
    public ReportingOptions {
        Check.range("telemetryPeriod", telemetryPeriod.toMillis(), 10, 60_000);
        Check.range("flexCheckPeriod", flexCheckPeriod.toMillis(), 10, 3_600_000);
        Check.range(
                "flexMaxSilence", flexMaxSilence.toMillis(), flexCheckPeriod.toMillis(), 3_600_000);
        Check.range("flexValidity", flexValidity.toMillis(), flexMaxSilence.toMillis(), 86_400_000);
        Check.range("tickPeriod", tickPeriod.toMillis(), 1, 10_000);
    }

    public static ReportingOptions defaults() {
        return new ReportingOptions(
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofSeconds(1));
    }
}
