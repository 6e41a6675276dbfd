package io.gridshift.aggregator.ledger;

import io.gridshift.aggregator.dispatch.DispatchJournal;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.ven.ReceivedEvent;
import io.gridshift.aggregator.ven.report.SettlementReport;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.accuracy.AccuracyReport;
import io.gridshift.storage.accuracy.AccuracyRequest;
import io.gridshift.storage.accuracy.AccuracyService;
import io.gridshift.storage.baseline.Baselines;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.storage.ledger.DispatchSend;
import io.gridshift.storage.ledger.Ledger;
import io.gridshift.storage.ledger.OptResponse;
import io.gridshift.storage.meter.MeterRepository;
import io.gridshift.storage.meter.MeterWriter;
import io.gridshift.storage.meter.MeterWriterOptions;
import io.gridshift.storage.settlement.EventSettlement;
import io.gridshift.storage.settlement.ProgramRules;
import io.gridshift.storage.settlement.SettlementService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's ledger ({@code modules/storage}): the dispatch journal written ahead (orders, sends,
 * acks), the grid events and the VEN's opt responses, the meter intervals aggregated from the
 * telemetry the node takes, and settlement. Blocking JDBC runs on its own pool, never on an event
 * loop or a Hazelcast thread.
 */
public final class NodeLedger implements DispatchJournal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLedger.class);

    private final Database database;
    private final Ledger ledger;
    private final MeterRepository meters;
    private final MeterWriter meter;
    private final SettlementService settlement;
    private final AccuracyService accuracy;
    private final Baselines baselines = Baselines.standard();
    private final Function<String, ProgramRules> programs;
    private final ExecutorService pool;
    private volatile Consumer<SettlementReport.Settled> settled = s -> {};

    /**
     * @param programs the settlement rules of a program, by its market context
     */
    public NodeLedger(
            StorageOptions storage, Function<String, ProgramRules> programs, Clock clock) {
        this.database = Database.open(storage);
        this.ledger = new Ledger(database.dataSource(), clock);
        this.meters = new MeterRepository(database.dataSource());
        this.meter =
                new MeterWriter(
                        meters, MeterWriterOptions.DEFAULTS.withOfferTimeout(Duration.ZERO), clock);
        this.settlement =
                new SettlementService(database.dataSource(), ledger.reader(), baselines, clock);
        this.accuracy =
                new AccuracyService(database.dataSource(), ledger.reader(), baselines, clock);
        this.programs = programs;
        this.pool =
                Executors.newFixedThreadPool(
                        Math.max(2, storage.poolSize() - 2),
                        r -> {
                            Thread t = new Thread(r, "gridshift-ledger");
                            t.setDaemon(true);
                            return t;
                        });
        LOG.info("ledger at {}", storage.isPostgres() ? "PostgreSQL" : "H2 " + storage.jdbcUrl());
    }

    public Ledger ledger() {
        return ledger;
    }

    public MeterWriter meter() {
        return meter;
    }

    @Override
    public CompletionStage<Void> order(DispatchOrder order) {
        return run(() -> ledger.recordOrder(order));
    }

    @Override
    public CompletionStage<Void> send(
            DispatchOrder order, int attempt, Transport transport, Instant at) {
        return run(
                () ->
                        ledger.recordSend(
                                new DispatchSend(
                                        order.id(),
                                        order.revision(),
                                        attempt,
                                        transport.name(),
                                        at)));
    }

    /**
     * Records the ack if the ledger has the revision it answers; an ack for an order the ledger
     * never had (issued before the ledger was on, or made up) is left to the dispatch service,
     * which refuses an unknown one.
     */
    @Override
    public CompletionStage<Void> ack(Ack ack) {
        return run(
                () -> {
                    if (ledger.hasOrder(ack.dispatchId(), ack.revision())) {
                        ledger.recordAck(ack);
                    }
                });
    }

    /** Records a received event and the VEN's opt on it (for the VEN's event listener). */
    public Consumer<ReceivedEvent> events() {
        return r ->
                run(() -> {
                            ledger.recordEvent(r.event());
                            ledger.recordOpt(
                                    new OptResponse(
                                            r.event().id(),
                                            r.event().modificationNumber(),
                                            r.decision().opt(),
                                            shorten(r.decision().reason()),
                                            r.receivedAt()));
                        })
                        .exceptionally(
                                e -> {
                                    LOG.error(
                                            "event {} not recorded in the ledger",
                                            r.event().id(),
                                            e);
                                    return null;
                                });
    }

    /** Takes a stored reading for the meter intervals; never blocks (refused when full). */
    public void meter(Telemetry reading) {
        meter.offer(reading);
    }

    /**
     * Who is told of each settlement this node computes (the VEN, to report it to the VTN); a
     * listener's failure is logged and never fails the settlement.
     */
    public void onSettled(Consumer<SettlementReport.Settled> listener) {
        this.settled = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Settles an event from the ledger with its program's rules and opens its report to the VTN in
     * the ledger ({@code SettlementReports.owe}: reported by the node holding the VEN, retried
     * until the VTN takes it), then tells the listener; blocking.
     */
    public EventSettlement settle(EventId event) {
        SettlementReport.Settled s = compute(event);
        EventSettlement result = s.settlement();
        ledger.settlementReports().owe(event, result.modificationNumber(), result.computedAt());
        try {
            settled.accept(s);
        } catch (RuntimeException e) {
            LOG.warn("settlement of {} computed, but its listener failed", event, e);
        }
        return result;
    }

    /**
     * Settles an event again for a report still owed, without opening a new one (the settlement is
     * the same for the same ledger); blocking.
     */
    public SettlementReport.Settled settleForReport(EventId event) {
        return compute(event);
    }

    private SettlementReport.Settled compute(EventId event) {
        GridEvent grid =
                ledger.event(event)
                        .orElseThrow(
                                () ->
                                        new io.gridshift.domain.error.GridshiftException(
                                                io.gridshift.domain.error.ErrorKind.NOT_FOUND,
                                                "unknown_event",
                                                "eventId: the ledger has no event " + event));
        ProgramRules rules = programs.apply(grid.marketContext());
        EventSettlement result = settlement.settle(event, rules);
        return new SettlementReport.Settled(result, grid.start(), grid.end(), rules.interval());
    }

    /**
     * The baselines' accuracy on the program's days without events ({@code AccuracyService}), with
     * the program's settlement interval and zone; blocking.
     *
     * @param methods the baselines replayed; empty: every standard one
     * @param site one site only; null: every site with meter data
     */
    public AccuracyReport accuracy(
            String program,
            LocalDate from,
            LocalDate to,
            LocalTime windowStart,
            LocalTime windowEnd,
            List<String> methods,
            SiteId site) {
        ProgramRules rules = programs.apply(program);
        List<String> chosen = methods.isEmpty() ? List.copyOf(baselines.names()) : methods;
        return accuracy.report(
                new AccuracyRequest(
                        program,
                        rules.zone(),
                        rules.interval(),
                        from,
                        to,
                        windowStart,
                        windowEnd,
                        Duration.ZERO,
                        chosen.stream().sorted().toList()),
                site);
    }

    /**
     * Energy per site and UTC hour in [from, to) from the meter data ({@link
     * MeterRepository#hourlyEnergy}); {@code site} null: every site. Blocking.
     */
    public Map<SiteId, Map<Instant, MeterRepository.HourlyEnergy>> hourlyEnergy(
            Instant from, Instant to, SiteId site) {
        return meters.hourlyEnergy(from, to, site);
    }

    private CompletionStage<Void> run(Runnable write) {
        return CompletableFuture.runAsync(write, pool);
    }

    private static String shorten(String reason) {
        return reason == null || reason.length() <= 256 ? reason : reason.substring(0, 256);
    }

    @Override
    public void close() {
        meter.close();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("ledger writes still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.close();
    }
}
