package io.gridshift.agent.dispatch;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site that records what the agent asks of it. It offers the resources {@code batch} and {@code
 * train} and the migratable job {@code train-42}; it can be told to refuse orders, to fail applies
 * and to fail reverts. What it holds applied is tracked, so tests can check that nothing stays.
 */
final class RecordingSiteAdapter implements SiteAdapter {
    static final SiteId SITE = SiteId.of("dc-sh-01");
    static final double BASELINE_KW = 12_000;

    private final List<String> calls = new ArrayList<>();

    /** Keyed by {@code d-1#2}: a revision left applied next to its successor must show. */
    private final Map<String, DispatchOrder> applied = new LinkedHashMap<>();

    private String refusal;
    private String applyFailure;
    private int revertFailures;
    private double deliveryFactor = 1.0;

    /** From now on {@code check} refuses with {@code reason}; {@code null} accepts again. */
    RecordingSiteAdapter refuse(String reason) {
        this.refusal = reason;
        return this;
    }

    /** From now on {@code apply} throws, holding nothing applied (all or nothing). */
    RecordingSiteAdapter failApply(String message) {
        this.applyFailure = message;
        return this;
    }

    /** The next {@code times} reverts throw. */
    RecordingSiteAdapter failReverts(int times) {
        this.revertFailures = times;
        return this;
    }

    /** Share of the asked reduction that is achieved. */
    RecordingSiteAdapter deliver(double factor) {
        this.deliveryFactor = factor;
        return this;
    }

    /** Every apply and revert, as {@code "apply d-1#2"}, in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** The order revisions whose actions are in force now, by {@code d-1#2}. */
    Map<String, DispatchOrder> applied() {
        return Map.copyOf(applied);
    }

    void clearCalls() {
        calls.clear();
    }

    @Override
    public SiteReading read(Instant now) {
        double reduction = 0;
        for (DispatchOrder order : applied.values()) {
            reduction += order.netReductionKw() * deliveryFactor;
        }
        return new SiteReading(BASELINE_KW - reduction, 9_500, BASELINE_KW - reduction, 0, null);
    }

    @Override
    public FlexEnvelope envelope(Instant now, Duration validity) {
        return new FlexEnvelope(
                SITE,
                now,
                now.plus(validity),
                GridZone.of("CN-SH"),
                BASELINE_KW,
                0,
                List.of(
                        new DeferrableJobs(
                                "batch",
                                2_100,
                                Duration.ofHours(4),
                                Duration.ofSeconds(60),
                                0.01,
                                1.0),
                        new DeferrableJobs(
                                "train",
                                1_600,
                                Duration.ofHours(4),
                                Duration.ofSeconds(5),
                                0.05,
                                1.0),
                        new MigratableJobs(
                                "mig",
                                List.of(
                                        new MigratableJob(
                                                "train-42",
                                                320,
                                                2_900,
                                                now.plus(Duration.ofDays(2)),
                                                180,
                                                Set.of())),
                                Duration.ofMinutes(5))));
    }

    @Override
    public Optional<String> check(DispatchOrder order, Instant now) {
        return Optional.ofNullable(refusal);
    }

    @Override
    public void apply(DispatchOrder order, Instant now) {
        calls.add("apply " + label(order));
        if (applyFailure != null) {
            throw new IllegalStateException(applyFailure);
        }
        applied.put(label(order), order);
    }

    @Override
    public void revert(DispatchOrder order, Instant now) {
        calls.add("revert " + label(order));
        if (revertFailures > 0) {
            revertFailures--;
            throw new IllegalStateException("scheduler unreachable");
        }
        applied.remove(label(order));
    }

    @Override
    public double achievedKw(DispatchOrder order, Instant now) {
        return applied.containsKey(label(order)) ? order.netReductionKw() * deliveryFactor : 0;
    }

    static String label(DispatchOrder order) {
        return order.id() + "#" + order.revision();
    }
}
