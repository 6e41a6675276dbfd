package io.gridshift.edge.codec;

import io.gridshift.domain.flex.Limits;

/**
 * The domain's duration bounds in the wire's seconds. The codec checks them itself so that the
 * error names the wire field ({@code rampS}), not the record's ({@code ramp}).
 */
final class WireLimits {
    static final long MAX_HOLD_S = Limits.MAX_HOLD.toSeconds();

    static final long MAX_RAMP_S = Limits.MAX_RAMP.toSeconds();

    private WireLimits() {}
}
