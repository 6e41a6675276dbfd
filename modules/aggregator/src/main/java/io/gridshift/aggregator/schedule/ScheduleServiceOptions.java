package io.gridshift.aggregator.schedule;

import io.gridshift.aggregator.green.GreenContracts;
import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.optimizer.schedule.Policy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The day-ahead schedule service of a node.
 *
 * @param replanInterval how often the lease holder plans again (also on every signal change)
 * @param slot the plan's slot, PT15M or PT1H
 * @param horizon how far ahead it plans, whole hours, at most 48
 * @param policy where and when jobs may move ({@code BOTH}: in time and across sites)
 * @param carbonPricePerTonne price of a tonne of CO2eq in the objective
 * @param transferGbps bandwidth between sites for a migrated job's data
 * @param timeLimit the scheduler's time limit per run
 * @param signalsFolder folder of signal CSV files ({@code time_utc,zone,price_per_mwh,
 *     carbon_g_per_kwh}); {@code null}: none
 * @param feedUrl an HTTP feed answering the same CSV; {@code null}: none
 * @param feedInterval how often the folder and the feed are read
 * @param planId the id of the plan series; versions rise within it across re-plans and nodes
 * @param green the sites' green supply contracts and the zones' residual mix, for the green-power
 *     account ({@code null}: none)
 */
public record ScheduleServiceOptions(
        Duration replanInterval,
        Duration slot,
        Duration horizon,
        Policy policy,
        double carbonPricePerTonne,
        double transferGbps,
        Duration timeLimit,
        Path signalsFolder,
        URI feedUrl,
        Duration feedInterval,
        String planId,
        GreenContracts green) {
    public ScheduleServiceOptions {
        green = green == null ? GreenContracts.NONE : green;
        Check.required("replanInterval", replanInterval);
        if (replanInterval.toMillis() < 100) {
            throw new InvalidFieldException(
                    "replanInterval", "range", replanInterval, "must be at least 100 ms");
        }
        if (!Duration.ofMinutes(15).equals(slot) && !Duration.ofHours(1).equals(slot)) {
            throw new InvalidFieldException("slot", "range", slot, "must be PT15M or PT1H");
        }
        Check.duration("horizon", horizon, Duration.ofHours(48));
        if (horizon.toHours() < 1 || horizon.toMinutes() % 60 != 0) {
            throw new InvalidFieldException(
                    "horizon", "range", horizon, "must be whole hours, 1 to 48");
        }
        Check.required("policy", policy);
        Check.range("carbonPricePerTonne", carbonPricePerTonne, 0, 100_000);
        Check.range("transferGbps", transferGbps, 0.001, 10_000);
        Check.duration("timeLimit", timeLimit, Duration.ofMinutes(10));
        Check.required("feedInterval", feedInterval);
        if (feedInterval.toMillis() < 100) {
            throw new InvalidFieldException(
                    "feedInterval", "range", feedInterval, "must be at least 100 ms");
        }
        io.gridshift.domain.Ids.check("planId", planId);
    }

    /** Every 15 minutes, 15-minute slots over 24 h, time and place, 100 per tonne, no feeds. */
    public static ScheduleServiceOptions defaults() {
        return new ScheduleServiceOptions(
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Duration.ofHours(24),
                Policy.BOTH,
                100,
                10,
                Duration.ofSeconds(20),
                null,
                null,
                Duration.ofMinutes(1),
                "p-fleet",
                GreenContracts.NONE);
    }

    public ScheduleServiceOptions withSignalsFolder(Path folder) {
        return new ScheduleServiceOptions(
                replanInterval,
                slot,
                horizon,
                policy,
                carbonPricePerTonne,
                transferGbps,
                timeLimit,
                folder,
                feedUrl,
                feedInterval,
                planId,
                green);
    }

    public ScheduleServiceOptions withFeed(URI url, Duration interval) {
        return new ScheduleServiceOptions(
                replanInterval,
                slot,
                horizon,
                policy,
                carbonPricePerTonne,
                transferGbps,
                timeLimit,
                signalsFolder,
                url,
                interval,
                planId,
                green);
    }

    public ScheduleServiceOptions withGreen(GreenContracts contracts) {
        return new ScheduleServiceOptions(
                replanInterval,
                slot,
                horizon,
                policy,
                carbonPricePerTonne,
                transferGbps,
                timeLimit,
                signalsFolder,
                feedUrl,
                feedInterval,
                planId,
                contracts);
    }

    public ScheduleServiceOptions withReplanInterval(Duration d) {
        return new ScheduleServiceOptions(
                d,
                slot,
                horizon,
                policy,
                carbonPricePerTonne,
                transferGbps,
                timeLimit,
                signalsFolder,
                feedUrl,
                feedInterval,
                planId,
                green);
    }

    public ScheduleServiceOptions withGrid(Duration slotLength, Duration ahead) {
        return new ScheduleServiceOptions(
                replanInterval,
                slotLength,
                ahead,
                policy,
                carbonPricePerTonne,
                transferGbps,
                timeLimit,
                signalsFolder,
                feedUrl,
                feedInterval,
                planId,
                green);
    }
}
