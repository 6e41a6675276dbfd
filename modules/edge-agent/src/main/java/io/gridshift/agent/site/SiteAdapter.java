package io.gridshift.agent.site;

import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The agent's only way to touch a site: read it, describe its flexibility, act on an order and undo
 * it. The simulated data center is the first implementation; Slurm, GPU and Kubernetes adapters
 * follow. Every method takes the agent's "now" so that adapters never read a clock of their own
 * (tests and simulators run faster than real time).
 *
 * <p>Contract for {@link #apply}: all or nothing. An adapter first checks every action ({@link
 * #check}); when {@code apply} fails part-way it undoes what it did before throwing.
 */
public interface SiteAdapter extends AutoCloseable {

    /** Reads the site's power flows at {@code now}. */
    SiteReading read(Instant now);

    /**
     * What the site can give from {@code now} on, net of what running orders already take.
     *
     * @param validity how long the envelope stays valid
     */
    FlexEnvelope envelope(Instant now, Duration validity);

    /**
     * Why this adapter cannot carry out {@code order} safely (a resource it does not have, a job
     * deadline the hold would break, a state-of-charge floor, hosting capacity), or empty when it
     * can. Checks only; changes nothing.
     */
    Optional<String> check(DispatchOrder order, Instant now);

    /** Starts every action of {@code order}; all or nothing. */
    void apply(DispatchOrder order, Instant now);

    /** Undoes every action of {@code order}; safe to call twice or for an order never applied. */
    void revert(DispatchOrder order, Instant now);

    /**
     * The reduction {@code order} achieves at {@code now}, measured against the baseline, in kW.
     */
    double achievedKw(DispatchOrder order, Instant now);

    @Override
    default void close() {}
}
