package io.gridshift.aggregator.ledger;

import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.aggregator.ven.report.SettlementReport;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.storage.ledger.SettlementReportState;
import io.gridshift.storage.ledger.SettlementReports;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles ended events and reports settlements to the VTN, on the node that holds the VEN only. At
 * every check (every {@link AutoSettlementOptions#checkEvery()}, and at once after a settlement
 * through the REST API) it settles each event that ended at least {@link
 * AutoSettlementOptions#delay()} ago by the clock and was not settled since ({@link
 * SettlementReports#due}), then sends every report the ledger says is owed ({@link
 * SettlementReports#owed}): a report the VTN takes is marked reported; one it does not is tried
 * again after a back-off. The state is the ledger's, so a restarted node or the next holder of the
 * VEN carries on. Checks run one at a time on a worker, never on an event loop.
 */
public final class AutoSettlement extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AutoSettlement.class);
    private static final long SEND_TIMEOUT_S = 60;

    private final NodeLedger ledger;
    private final AutoSettlementOptions options;
    private final Clock clock;
    private final BooleanSupplier leader;
    private final Function<SettlementReport.Settled, CompletionStage<Void>> vtn;
    private final AggregatorMetrics metrics;

    /** The settlements computed here, by event: sent as computed while their row is owed. */
    private final Map<String, SettlementReport.Settled> computed = new ConcurrentHashMap<>();

    private volatile Context running;

    /**
     * @param leader whether this node holds the VEN now
     * @param vtn sends a settlement to the VTN; completes exceptionally when the VTN did not take
     *     it
     */
    public AutoSettlement(
            NodeLedger ledger,
            AutoSettlementOptions options,
            Clock clock,
            BooleanSupplier leader,
            Function<SettlementReport.Settled, CompletionStage<Void>> vtn,
            AggregatorMetrics metrics) {
        this.ledger = ledger;
        this.options = options;
        this.clock = clock;
        this.leader = leader;
        this.vtn = vtn;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        running = context;
        vertx.setPeriodic(options.checkEvery().toMillis(), id -> check());
        return Future.succeededFuture();
    }

    /** For {@link NodeLedger#onSettled}: keeps the settlement to send and checks soon. */
    public void settled(SettlementReport.Settled s) {
        computed.put(s.settlement().eventId().value(), s);
        Context c = running;
        if (c != null) {
            c.runOnContext(v -> check());
        }
    }

    private void check() {
        vertx.executeBlocking(
                        () -> {
                            checkNow();
                            return null;
                        },
                        true)
                .onFailure(e -> LOG.warn("settlement check failed: {}", e.toString()));
    }

    /** One check; blocking. Does nothing on a node without the VEN. */
    void checkNow() {
        if (!leader.getAsBoolean()) {
            return;
        }
        SettlementReports reports = ledger.ledger().settlementReports();
        if (options.enabled()) {
            for (GridEvent e : reports.due(clock.instant().minus(options.delay()))) {
                settle(e);
            }
        }
        for (SettlementReportState owed : reports.owed(clock.instant())) {
            report(reports, owed);
        }
    }

    private void settle(GridEvent e) {
        try {
            ledger.settle(e.id());
            metrics.settledAutomatically();
            LOG.info("event {} (modification {}) settled", e.id(), e.modificationNumber());
        } catch (RuntimeException ex) {
            LOG.warn("event {} not settled, tried again at the next check", e.id(), ex);
        }
    }

    private void report(SettlementReports reports, SettlementReportState owed) {
        String event = owed.eventId().value();
        try {
            SettlementReport.Settled s = computed.get(event);
            if (s == null || s.settlement().modificationNumber() != owed.modificationNumber()) {
                // settled before a restart or on another node: the same figures from the ledger
                s = ledger.settleForReport(owed.eventId());
            }
            vtn.apply(s).toCompletableFuture().get(SEND_TIMEOUT_S, TimeUnit.SECONDS);
            reports.reported(owed, clock.instant());
            computed.remove(event, s);
            metrics.settlementReported();
            LOG.info("settlement of {} reported to the VTN", event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            Instant next = clock.instant().plus(options.backoff(owed.attempts() + 1));
            metrics.settlementReportFailed();
            LOG.warn(
                    "settlement of {} not reported to the VTN ({}), tried again at {}",
                    event,
                    cause.toString(),
                    next);
            try {
                reports.failed(owed, cause.toString(), next);
            } catch (RuntimeException again) {
                LOG.warn("the failed report of {} not recorded: {}", event, again.toString());
            }
        }
    }
}
