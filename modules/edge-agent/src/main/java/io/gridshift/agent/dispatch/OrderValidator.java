package io.gridshift.agent.dispatch;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether an order, as a whole, can be carried out safely. Checks only; changes nothing.
 * The cheap checks of time come first so that a hopeless order never reaches the adapter.
 */
final class OrderValidator {
    /** The envelope is read only to look up ids; its validity does not matter here. */
    private static final Duration ENVELOPE_VALIDITY = Duration.ofMinutes(1);

    private final SiteId site;
    private final SiteAdapter adapter;
    private final Duration horizon;

    OrderValidator(SiteId site, SiteAdapter adapter, Duration horizon) {
        this.site = site;
        this.adapter = adapter;
        this.horizon = horizon;
    }

    /**
     * Refusals by identity alone, against the revision held for the same id ({@code null} when
     * none): another site's order, a stale revision, or the held revision with other content.
     */
    Optional<Rejection> checkIdentity(DispatchOrder order, OrderRecord held) {
        if (!order.site().equals(site)) {
            return reject(
                    RejectReason.SITE_MISMATCH,
                    "the order is for site " + order.site() + ", this is " + site);
        }
        if (held == null) {
            return Optional.empty();
        }
        int heldRevision = held.order().revision();
        if (order.revision() < heldRevision) {
            return reject(
                    RejectReason.STALE_REVISION,
                    "revision " + order.revision() + " is older than revision " + heldRevision);
        }
        if (order.revision() == heldRevision && !order.equals(held.order())) {
            return reject(
                    RejectReason.REPLAYED,
                    "revision " + heldRevision + " was received before with other content");
        }
        return Optional.empty();
    }

    /** Whether the site can carry out {@code order} from {@code now}, as a whole. */
    Optional<Rejection> validate(DispatchOrder order, Instant now) {
        return validate(order, null, now);
    }

    /**
     * Whether the site can carry out {@code order} from {@code now}, as a whole, replacing {@code
     * held} (the revision it holds for the same id; {@code null} when none): a job the held
     * revision moves is no longer offered in the envelope, yet a revision may repeat its move.
     */
    Optional<Rejection> validate(DispatchOrder order, DispatchOrder held, Instant now) {
        if (!order.end().isAfter(now)) {
            return reject(
                    RejectReason.WINDOW_OVER,
                    "the window ended at " + order.end() + ", now is " + now);
        }
        Instant latestStart = now.plus(horizon);
        if (order.start().isAfter(latestStart)) {
            return reject(
                    RejectReason.TOO_FAR_AHEAD,
                    "start " + order.start() + " is beyond the horizon " + latestStart);
        }
        try {
            Optional<Rejection> unknown =
                    unknownTargets(order, held, adapter.envelope(now, ENVELOPE_VALIDITY));
            if (unknown.isPresent()) {
                return unknown;
            }
            return adapter.check(order, now)
                    .map(why -> new Rejection(RejectReason.ADAPTER_REFUSED, why));
        } catch (RuntimeException e) {
            return reject(RejectReason.ADAPTER_ERROR, "check failed: " + AckReasons.describe(e));
        }
    }

    private static Optional<Rejection> unknownTargets(
            DispatchOrder order, DispatchOrder held, FlexEnvelope envelope) {
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.Reduce reduce
                    && envelope.resource(reduce.resource()).isEmpty()) {
                return reject(
                        RejectReason.UNKNOWN_RESOURCE,
                        "the site has no resource '" + reduce.resource() + "'");
            }
            if (action instanceof DispatchAction.LimitRebound limit) {
                Optional<Rejection> why = checkRebound(envelope, limit.resource());
                if (why.isPresent()) {
                    return why;
                }
            }
            if (action instanceof DispatchAction.MigrateOut out
                    && !hasJob(envelope, out.job())
                    && !movesOut(held, out.job())) {
                return reject(
                        RejectReason.UNKNOWN_JOB,
                        "the site has no migratable job '" + out.job() + "'");
            }
        }
        return Optional.empty();
    }

    /** A rebound limit needs a resource of the envelope that gives energy back after an event. */
    private static Optional<Rejection> checkRebound(FlexEnvelope envelope, String resource) {
        Optional<FlexResource> r = envelope.resource(resource);
        if (r.isEmpty()) {
            return reject(
                    RejectReason.UNKNOWN_RESOURCE, "the site has no resource '" + resource + "'");
        }
        ResourceKind kind = r.get().kind();
        if (kind != ResourceKind.DEFERRABLE_JOBS
                && kind != ResourceKind.BATTERY
                && kind != ResourceKind.THERMAL) {
            return reject(
                    RejectReason.NO_REBOUND,
                    "LIMIT_REBOUND on '"
                            + resource
                            + "' ("
                            + kind
                            + "): it gives nothing back after an event; only DEFERRABLE_JOBS,"
                            + " BATTERY and THERMAL resources do");
        }
        return Optional.empty();
    }

    private static boolean movesOut(DispatchOrder held, String job) {
        if (held == null) {
            return false;
        }
        for (DispatchAction a : held.actions()) {
            if (a instanceof DispatchAction.MigrateOut out && out.job().equals(job)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasJob(FlexEnvelope envelope, String job) {
        for (FlexResource resource : envelope.resources()) {
            if (resource instanceof MigratableJobs jobs && jobs.job(job).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Rejection> reject(RejectReason reason, String message) {
        return Optional.of(new Rejection(reason, message));
    }
}
