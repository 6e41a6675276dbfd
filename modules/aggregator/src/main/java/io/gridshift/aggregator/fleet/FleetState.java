package io.gridshift.aggregator.fleet;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.MultiExecutionCallback;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import io.gridshift.aggregator.cluster.Stages;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet as the cluster knows it: one entry per site in the Hazelcast map {@value #SITES_MAP},
 * partitioned by site id, changed only by entry processors on the owning member. Each member keeps
 * the totals of the sites it owns, moved by every change; the fleet's totals are the sum of the
 * members' (one small call per member, never a scan of the sites). After a migration or a change of
 * membership, each member counts its sites again.
 */
public final class FleetState implements AutoCloseable {
    /** The Hazelcast map of sites, keyed by site id. */
    public static final String SITES_MAP = "gridshift.sites";

    /** The Hazelcast executor the totals query runs on. */
    public static final String EXECUTOR = "gridshift.fleet";

    private static final Logger LOG = LoggerFactory.getLogger(FleetState.class);

    private final HazelcastInstance hz;
    private final IMap<String, SiteRecord> map;
    private final MemberTotals totals;
    private final FleetOptions options;
    private final Clock clock;
    private final TelemetryBatcher batcher;
    private final ExecutorService housekeeping;
    private final UUID migrationListener;
    private final UUID membershipListener;

    /**
     * @param hz a member whose configuration came from {@code ClusterConfigs} (serialization and
     *     the {@link MemberTotals} in its user context)
     * @param duplicates told how many duplicate readings each batch dropped, for the metrics
     */
    public FleetState(
            HazelcastInstance hz, FleetOptions options, Clock clock, IntConsumer duplicates) {
        this.hz = hz;
        this.map = hz.getMap(SITES_MAP);
        this.totals = MemberTotals.of(hz);
        this.options = options;
        this.clock = clock;
        this.batcher = new TelemetryBatcher(hz, map, totals, options, clock, duplicates);
        this.housekeeping =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-fleet-housekeeping");
                            t.setDaemon(true);
                            return t;
                        });
        this.migrationListener = hz.getPartitionService().addMigrationListener(new Recount());
        this.membershipListener = hz.getCluster().addMembershipListener(new Recount());
    }

    public FleetOptions options() {
        return options;
    }

    /**
     * Files a reading (in the next batch).
     *
     * @param confirm whether to return a stage that completes once it is stored
     * @return that stage, or {@code null} when {@code confirm} is false
     */
    public CompletableFuture<Void> telemetry(Telemetry reading, Origin origin, boolean confirm) {
        return batcher.submit(reading, origin, confirm);
    }

    /** Replaces the site's envelope; {@code false} when the site already had a newer one. */
    public CompletionStage<Boolean> envelope(FlexEnvelope envelope, Origin origin) {
        return Stages.settled(
                map.submitToKey(
                        envelope.site().value(),
                        new ApplyEnvelope(
                                envelope,
                                origin,
                                clock.millis(),
                                options.windowReadings(),
                                totals)));
    }

    /** Takes a site's status message (or its will). */
    public CompletionStage<Boolean> status(SiteStatus status, Origin origin) {
        return Stages.settled(
                map.submitToKey(
                        status.site().value(),
                        new ApplyStatus(
                                status, origin, clock.millis(), options.windowReadings(), totals)));
    }

    /** The site as the cluster knows it now. */
    public CompletionStage<Optional<SiteView>> site(SiteId site) {
        return Stages.settled(map.getAsync(site.value()))
                .thenApply(r -> Optional.ofNullable(r).map(SiteRecord::view));
    }

    /** How to reach the site; empty for a site never heard. */
    public CompletableFuture<Optional<SiteRoute>> route(SiteId site) {
        return Stages.settled(map.submitToKey(site.value(), new RouteOf()))
                .thenApply(
                        r -> {
                            if (r == null) {
                                return Optional.empty();
                            }
                            int space = r.indexOf(' ');
                            return Optional.of(
                                    new SiteRoute(
                                            Transport.valueOf(r.substring(0, space)),
                                            r.substring(space + 1)));
                        });
    }

    /** The site's readings taken at or after {@code since}, oldest first (empty if unknown). */
    public CompletionStage<Optional<List<TelemetrySample>>> recentTelemetry(
            SiteId site, Instant since) {
        return Stages.settled(map.getAsync(site.value()))
                .thenApply(r -> Optional.ofNullable(r).map(s -> s.window().since(since)));
    }

    /**
     * The fleet's totals: the sum of every member's. A member that leaves while asked is asked
     * again (its sites are then counted by the members that took them over). While partitions move
     * or a member recounts, its totals may count a site twice or not at all, so the members are
     * asked again every {@value #UNSETTLED_RETRY_MS} ms, for at most {@value #UNSETTLED_TRIES}
     * tries; after that the last sum is returned as it is, and a warning logged.
     */
    public CompletionStage<FleetSummary> summary() {
        return summary(3, UNSETTLED_TRIES);
    }

    static final int UNSETTLED_TRIES = 100;
    static final long UNSETTLED_RETRY_MS = 100;

    private CompletionStage<FleetSummary> summary(int leftTriesLeft, int unsettledTriesLeft) {
        return summaryOnce()
                .handle(
                        (sum, e) -> {
                            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                            if (cause instanceof MemberLeftException && leftTriesLeft > 1) {
                                return summary(leftTriesLeft - 1, unsettledTriesLeft);
                            }
                            if (e != null) {
                                return CompletableFuture.<FleetSummary>failedFuture(cause);
                            }
                            if (sum.settled()) {
                                return CompletableFuture.completedFuture(sum.totals());
                            }
                            if (unsettledTriesLeft <= 1) {
                                LOG.warn(
                                        "fleet totals read while partitions were still moving or"
                                                + " members recounting; they may be off");
                                return CompletableFuture.completedFuture(sum.totals());
                            }
                            return CompletableFuture.supplyAsync(
                                            () -> null,
                                            CompletableFuture.delayedExecutor(
                                                    UNSETTLED_RETRY_MS, TimeUnit.MILLISECONDS))
                                    .thenCompose(
                                            x -> summary(leftTriesLeft, unsettledTriesLeft - 1));
                        })
                .thenCompose(stage -> stage);
    }

    private CompletableFuture<MemberSummaryTask.Answer> summaryOnce() {
        CompletableFuture<MemberSummaryTask.Answer> result = new CompletableFuture<>();
        hz.getExecutorService(EXECUTOR)
                .submitToAllMembers(
                        new MemberSummaryTask(),
                        new MultiExecutionCallback() {
                            @Override
                            public void onResponse(Member member, Object value) {}

                            @Override
                            public void onComplete(Map<Member, Object> values) {
                                FleetSummary sum = FleetSummary.EMPTY;
                                boolean settled = true;
                                for (Object v : values.values()) {
                                    if (v instanceof MemberSummaryTask.Answer a) {
                                        sum = sum.plus(a.totals());
                                        settled &= a.settled();
                                    } else if (v instanceof Throwable t) {
                                        result.completeExceptionally(t);
                                        return;
                                    }
                                }
                                result.complete(new MemberSummaryTask.Answer(sum, settled));
                            }
                        });
        return result;
    }

    /** The totals of the sites this member owns (for this node's gauges). */
    public FleetSummary memberSummary() {
        return totals.summary();
    }

    /**
     * A page of sites ordered by id, filtered on the members that hold them and without their
     * windows of readings; blocking (a query across the cluster), call it off the event loop.
     *
     * @param presence only sites in this state; {@code null} for any
     * @param zone only sites in this grid zone; {@code null} for any
     */
    public SitePage sites(Presence presence, String zone, int offset, int limit) {
        List<SiteView> all = new ArrayList<>();
        for (SiteRecord r : map.project(new WithoutWindow(), new SiteFilter(presence, zone))) {
            all.add(r.view());
        }
        all.sort(Comparator.comparing(v -> v.site().value()));
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new SitePage(all.size(), all.subList(from, to));
    }

    /**
     * Looks at the sites this member owns that went silent, whose envelope expired, or that its
     * totals have not counted; blocking. Returns how many went stale.
     */
    public int sweep() {
        long now = clock.millis();
        long cutoff = now - options.staleAfter().toMillis();
        Set<String> keys =
                map.localKeySet(new NeedsSweep(now, cutoff, totals.current().generation()));
        if (keys.isEmpty()) {
            return 0;
        }
        Map<String, Boolean> result =
                map.executeOnKeys(keys, new Sweep(now, cutoff, options.windowReadings(), totals));
        int stale = 0;
        for (Boolean b : result.values()) {
            if (Boolean.TRUE.equals(b)) {
                stale++;
            }
        }
        if (stale > 0) {
            LOG.info("{} sites went stale (silent for more than {})", stale, options.staleAfter());
        }
        return stale;
    }

    /** Counts this member's sites again from scratch; blocking. */
    public void reconcile() {
        totals.reset();
        sweep();
    }

    /** Readings queued on this node and not yet filed. */
    public int backlog() {
        return batcher.backlog();
    }

    @Override
    public void close() {
        batcher.close();
        try {
            hz.getPartitionService().removeMigrationListener(migrationListener);
            hz.getCluster().removeMembershipListener(membershipListener);
        } catch (RuntimeException e) {
            LOG.debug("listeners not removed, the member is shutting down: {}", e.toString());
        }
        housekeeping.shutdownNow();
    }

    private void reconcileLater(String why) {
        totals.recountQueued();
        try {
            housekeeping.execute(
                    () -> {
                        try {
                            reconcile();
                            LOG.info("fleet totals recounted after {}", why);
                        } catch (RuntimeException e) {
                            LOG.warn("recounting the fleet totals after {} failed", why, e);
                        } finally {
                            totals.recountDone();
                        }
                    });
        } catch (RejectedExecutionException e) {
            totals.recountDone();
            LOG.debug("no recount after {}: the fleet state is closed", why);
        }
    }

    /** Recounts when partitions moved or members came or went. */
    private final class Recount implements MigrationListener, MembershipListener {
        @Override
        public void migrationStarted(MigrationState state) {
            totals.migrating(true);
        }

        @Override
        public void migrationFinished(MigrationState state) {
            reconcileLater("a migration of " + state.getCompletedMigrations() + " partitions");
            totals.migrating(false);
        }

        @Override
        public void replicaMigrationCompleted(ReplicaMigrationEvent event) {}

        @Override
        public void replicaMigrationFailed(ReplicaMigrationEvent event) {}

        @Override
        public void memberAdded(MembershipEvent event) {
            reconcileLater("member " + event.getMember().getAddress() + " joined");
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            reconcileLater("member " + event.getMember().getAddress() + " left");
            // a coordinator that left may never report the end of its migrations
            totals.migrating(false);
        }
    }
}
