package io.gridshift.edge.codec;

/**
 * Bounds of the domain's durations, in the wire's seconds. They repeat {@code
 * io.gridshift.domain.flex.Limits}, which is not public; the codec checks them itself so that the
 * error names the wire field ({@code rampS}), not the record's ({@code ramp}).
 */
final class WireLimits {
    /** {@code Limits.MAX_HOLD}: 48 hours. */
    static final long MAX_HOLD_S = 48 * 3600;

    /** {@code Limits.MAX_RAMP}: 2 hours. */
    static final long MAX_RAMP_S = 2 * 3600;

    private WireLimits() {}
}
