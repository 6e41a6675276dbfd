package io.gridshift.agent;

import io.gridshift.agent.buffer.TelemetryBuffer;
import io.gridshift.agent.dispatch.DispatchExecutor;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.dispatch.OrderRecord;
import io.gridshift.agent.dispatch.OrderState;
import io.gridshift.agent.dispatch.OrderStore;
import io.gridshift.agent.schedule.JobEntry;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.schedule.PlanExecutor;
import io.gridshift.agent.schedule.PlanJournal;
import io.gridshift.agent.sim.FlexJobGenerator;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.TransportListener;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.edge.codec.EdgeCodecOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data center's agent: reads the site, reports telemetry and flexibility, carries out orders and
 * reverts them at their end by its own clock. Everything it decides runs on one thread (the loop),
 * so the parts need no locking among themselves; transport callbacks hop onto the loop.
 *
 * <p>Time comes from the injected {@link Clock}. The loop wakes every {@code tickPeriod} of real
 * time and at each order's start and end; with a {@code ManualClock} a test moves time and the next
 * wake-up acts on it.
 *
 * <p>The transport publishes the site's status itself (ONLINE on every connect, OFFLINE as the MQTT
 * will and on a clean close).
 *
 * <p>A clean {@link #close()} reverts every active action (a site must not stay curtailed with no
 * agent to end it) but keeps the orders on disk: an agent that comes back within an order's window
 * applies it again.
 */
public final class EdgeAgent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgent.class);

    private final SiteId site;
    private final SiteAdapter adapter;
    private final EdgeTransport transport;
    private final EdgeCodec codec;
    // orders arrive in whichever format the transport says each one is in
    private final EdgeCodec jsonCodec = EdgeCodec.json();
    private final EdgeCodec cborCodec = EdgeCodec.cbor();
    private final Clock clock;
    private final ReportingOptions reporting;
    private final ScheduledExecutorService loop;
    private final TelemetryBuffer buffer;
    private final TelemetryReporter telemetry;
    private final EnvelopeReporter envelopes;
    private final AckOutbox acks;
    private final DispatchExecutor executor;
    private final PlanExecutor plans;
    private final FlexJobGenerator jobSource;
    private final ScheduleLink scheduleLink;
    private final Map<String, Long> rejectedPlans = new TreeMap<>();
    private final Map<String, Long> rejectedPayloads = new TreeMap<>();
    private Instant nextTelemetry = Instant.MIN;
    private Instant nextFlexCheck = Instant.MIN;
    private ScheduledFuture<?> deadlineTimer;
    private volatile boolean closed;

    public EdgeAgent(
            SiteId site,
            SiteAdapter adapter,
            EdgeTransport transport,
            Clock clock,
            AgentFolders folders,
            ReportingOptions reporting,
            DispatchOptions dispatch) {
        this(
                site,
                adapter,
                transport,
                clock,
                folders,
                reporting,
                dispatch,
                null,
                JobOptions.disabled());
    }

    /**
     * @param jobSource the site's flexible jobs; {@code null} when it submits none (plans may still
     *     move jobs in)
     * @param jobs how often the jobs message goes out
     */
    public EdgeAgent(
            SiteId site,
            SiteAdapter adapter,
            EdgeTransport transport,
            Clock clock,
            AgentFolders folders,
            ReportingOptions reporting,
            DispatchOptions dispatch,
            FlexJobGenerator jobSource,
            JobOptions jobs) {
        this.site = site;
        this.adapter = adapter;
        this.transport = transport;
        this.codec = EdgeCodec.of(transport.format(), EdgeCodecOptions.defaults());
        this.clock = clock;
        this.reporting = reporting;
        this.loop =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-agent-" + site);
                            t.setDaemon(true);
                            return t;
                        });
        this.buffer = TelemetryBuffer.open(folders.buffer(), folders.bufferOptions());
        this.telemetry =
                new TelemetryReporter(
                        site, transport, codec, buffer, new SequenceCounter(folders.sequence()));
        this.envelopes = new EnvelopeReporter(adapter, transport, codec, reporting);
        this.acks = new AckOutbox(transport, codec);
        this.executor =
                new DispatchExecutor(
                        site, adapter, OrderStore.open(folders.orders()), this::ackReady, dispatch);
        this.plans = new PlanExecutor(site, new PlanJournal(folders.plan()));
        this.jobSource = jobSource;
        this.scheduleLink = new ScheduleLink(transport, codec, jobs.reportPeriod());
    }

    /** Recovers stored orders, connects and starts reporting. */
    public void start() {
        onLoop(() -> executor.recover(clock.instant()));
        onLoop(() -> plans.recover(clock.instant()));
        transport.start(new Listener());
        long tick = reporting.tickPeriod().toMillis();
        loop.scheduleWithFixedDelay(this::guardedCycle, 0, tick, TimeUnit.MILLISECONDS);
        LOG.info("Agent for site {} started", site);
    }

    /** Runs one cycle now on the loop and waits for it: for tests that move a manual clock. */
    public void cycleNow() {
        await(loop.submit(this::cycle));
    }

    private void guardedCycle() {
        try {
            cycle();
        } catch (RuntimeException e) {
            // One bad cycle (a failing adapter read, a full disk) must not stop the loop: the
            // next one still has to revert orders at their end.
            LOG.error("Agent cycle failed; continuing", e);
        }
    }

    private void cycle() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        executor.tick(now);
        if (jobSource != null) {
            plans.submit(jobSource.submittedUntil(now));
        }
        plans.tick(now);
        scheduleLink.reportJobs(now, plans.changes(), false, seq -> plans.report(seq, now));
        scheduleLink.drain();
        if (!now.isBefore(nextTelemetry)) {
            telemetry.report(withJobs(adapter.read(now)), now, activeDispatch().orElse(null));
            nextTelemetry = now.plus(reporting.telemetryPeriod());
        }
        if (!now.isBefore(nextFlexCheck)) {
            envelopes.check(now, false);
            nextFlexCheck = now.plus(reporting.flexCheckPeriod());
        }
        buffer.sync();
        if (transport.isConnected() && !buffer.isEmpty()) {
            // a flush that failed half-way while the link stayed up (a full send window, a
            // timeout) resumes here rather than waiting for the next reconnect
            telemetry.flush(this::onLoop);
        }
        acks.drain();
        scheduleDeadline(now);
    }

    /** The flexible jobs running now draw on top of what the adapter reads. */
    private SiteReading withJobs(SiteReading r) {
        double kw = plans.runningKw();
        if (kw == 0) {
            return r;
        }
        return new SiteReading(
                r.facilityKw() + kw,
                r.itKw() + kw,
                r.gridImportKw() + kw,
                r.onsiteGenKw(),
                r.batterySocPct());
    }

    /**
     * Wakes the loop exactly at the next start or end of an order or plan slot, not a tick later.
     */
    private void scheduleDeadline(Instant now) {
        Optional<Instant> next = executor.nextDeadline();
        Optional<Instant> slot = plans.nextBoundary(now);
        if (slot.isPresent() && (next.isEmpty() || slot.get().isBefore(next.get()))) {
            next = slot;
        }
        if (deadlineTimer != null) {
            deadlineTimer.cancel(false);
            deadlineTimer = null;
        }
        if (next.isPresent()) {
            long delay = Math.max(0, Duration.between(now, next.get()).toMillis());
            if (delay < reporting.tickPeriod().toMillis()) {
                deadlineTimer = loop.schedule(this::guardedCycle, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private Optional<DispatchId> activeDispatch() {
        return executor.orders().stream()
                .filter(r -> r.state() == OrderState.ACTIVE)
                .map(r -> r.order().id())
                .findFirst();
    }

    private void ackReady(Ack ack) {
        acks.offer(ack);
        loop.execute(acks::drain);
    }

    private void onDispatch(byte[] payload, boolean cbor) {
        DispatchOrder order;
        try {
            order = (cbor ? cborCodec : jsonCodec).decodeDispatch(payload);
        } catch (GridshiftException e) {
            rejectedPayloads.merge(e.reason(), 1L, Long::sum);
            LOG.warn("Refused a dispatch payload for site {}: {}", site, e.getMessage());
            return;
        }
        executor.onOrder(order, clock.instant());
        scheduleDeadline(clock.instant());
    }

    private void onPlan(byte[] payload, boolean cbor) {
        SitePlan plan;
        try {
            plan = (cbor ? cborCodec : jsonCodec).decodePlan(payload);
        } catch (GridshiftException e) {
            rejectedPlans.merge(e.reason(), 1L, Long::sum);
            LOG.warn("Refused a plan payload for site {}: {}", site, e.getMessage());
            return;
        }
        Instant now = clock.instant();
        PlanAck ack = plans.onPlan(plan, now);
        LOG.info(
                "Site {} plan {} v{}: {}{}",
                site,
                plan.planId(),
                plan.version(),
                ack.status(),
                ack.rejected().isEmpty() ? "" : " " + ack.rejected());
        scheduleLink.offer(ack);
        scheduleLink.drain();
        scheduleLink.reportJobs(now, plans.changes(), false, seq -> plans.report(seq, now));
        scheduleDeadline(now);
    }

    private void onConnected(boolean reconnect) {
        // the transport has already published ONLINE (and set the MQTT will to OFFLINE)
        envelopes.check(clock.instant(), true);
        acks.drain();
        Instant now = clock.instant();
        scheduleLink.reportJobs(now, plans.changes(), true, seq -> plans.report(seq, now));
        scheduleLink.drain();
        telemetry.flush(this::onLoop);
        LOG.info("Site {} {} to the aggregator", site, reconnect ? "reconnected" : "connected");
    }

    /** What the agent has done so far. */
    public AgentStats stats() {
        return await(
                loop.submit(
                        () ->
                                new AgentStats(
                                        telemetry.sent(),
                                        telemetry.buffered(),
                                        buffer.stats().droppedRecords(),
                                        buffer.stats().records(),
                                        envelopes.sent(),
                                        acks.sent(),
                                        acks.pending(),
                                        Map.copyOf(rejectedPayloads),
                                        executor.rejections())));
    }

    /** The site's flexible jobs now. */
    public List<JobEntry> flexibleJobs() {
        return await(loop.submit(plans::jobs));
    }

    /** The plan in force (or last in force) and its ack. */
    public Optional<SitePlan> plan() {
        return await(loop.submit(plans::plan));
    }

    public Optional<PlanAck> planAck() {
        return await(loop.submit(plans::lastAck));
    }

    /** Plans applied, copies re-acked, deadline starts, refusals; payloads refused undecoded. */
    public PlanExecutor.PlanStats planStats() {
        return await(loop.submit(plans::stats));
    }

    /** Plan payloads refused before decoding finished, by reason. */
    public Map<String, Long> rejectedPlanPayloads() {
        return await(loop.submit(() -> Map.copyOf(rejectedPlans)));
    }

    /** Jobs messages and plan acks the transport confirmed. */
    public long jobsReportsSent() {
        return scheduleLink.jobsSent();
    }

    public long planAcksSent() {
        return scheduleLink.acksSent();
    }

    /** The orders the agent holds now. */
    public List<OrderRecord> orders() {
        return await(loop.submit(executor::orders));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        await(loop.submit(this::stopOnLoop));
        loop.shutdown();
        transport.close();
        adapter.close();
        LOG.info("Agent for site {} stopped", site);
    }

    private void stopOnLoop() {
        closed = true;
        Instant now = clock.instant();
        for (OrderRecord record : executor.orders()) {
            if (record.state() == OrderState.ACTIVE) {
                adapter.revert(record.order(), now);
            }
        }
        buffer.sync();
        buffer.close();
    }

    private void onLoop(Runnable task) {
        if (!loop.isShutdown()) {
            loop.execute(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.error("Agent task failed", e);
                        }
                    });
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("agent loop failed: " + e.getMessage(), e);
        }
    }

    /** The transport's callbacks, moved onto the loop. */
    private final class Listener implements TransportListener {
        @Override
        public void connected(boolean reconnect) {
            onLoop(() -> onConnected(reconnect));
        }

        @Override
        public void disconnected(Throwable cause) {
            LOG.warn("Site {} lost the aggregator: {}", site, String.valueOf(cause));
        }

        @Override
        public void dispatchReceived(byte[] payload, boolean cbor) {
            onLoop(() -> onDispatch(payload, cbor));
        }

        @Override
        public void planReceived(byte[] payload, boolean cbor) {
            onLoop(() -> onPlan(payload, cbor));
        }

        @Override
        public void dispatchRefused(String reason) {
            onLoop(() -> rejectedPayloads.merge(reason, 1L, Long::sum));
        }
    }
}
