package io.gridshift.agent.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dispatch executor behaves.
 *
 * @param horizon how far ahead an order may start; one starting later is refused as {@code
 *     too_far_ahead} (the aggregator re-sends it nearer the time). Default 48 h.
 * @param activeAckPeriod how often an active order is re-acked with its achieved kW. Default 10 s.
 * @param retention how long past its end a finished order is remembered, so that late copies are
 *     re-acked with their outcome instead of refused. Default 1 h.
 */
public record DispatchOptions(Duration horizon, Duration activeAckPeriod, Duration retention) {
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(48);
    public static final Duration DEFAULT_ACTIVE_ACK_PERIOD = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    public DispatchOptions {
        requirePositive("horizon", horizon);
        requirePositive("activeAckPeriod", activeAckPeriod);
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
    }

    public static DispatchOptions defaults() {
        return new DispatchOptions(DEFAULT_HORIZON, DEFAULT_ACTIVE_ACK_PERIOD, DEFAULT_RETENTION);
    }

    public DispatchOptions withHorizon(Duration value) {
        return new DispatchOptions(value, activeAckPeriod, retention);
    }

    public DispatchOptions withActiveAckPeriod(Duration value) {
        return new DispatchOptions(horizon, value, retention);
    }

    public DispatchOptions withRetention(Duration value) {
        return new DispatchOptions(horizon, activeAckPeriod, value);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
