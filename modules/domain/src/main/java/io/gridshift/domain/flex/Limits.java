package io.gridshift.domain.flex;

import java.time.Duration;

/** Bounds that reject absurd envelopes before they reach an optimizer; codecs share them. */
public final class Limits {
    /** No resource is held longer than two days; longer is a scheduling plan, not flexibility. */
    public static final Duration MAX_HOLD = Duration.ofHours(48);

    /** A resource that needs more than two hours to respond is of no use to a grid event. */
    public static final Duration MAX_RAMP = Duration.ofHours(2);

    /** 1,000 currency units per kWh: far above any scarcity price cap. */
    public static final double MAX_COST_PER_KWH = 1_000;

    /** kg CO2 per kWh: the dirtiest generator emits about 1.2. */
    public static final double MAX_CO2_KG_PER_KWH = 5;

    private Limits() {}
}
