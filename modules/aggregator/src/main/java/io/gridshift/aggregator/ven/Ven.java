package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.ven.report.FleetReportCatalog;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecOptions;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.openadr.event.PowerAttributes;
import io.gridshift.openadr.message.OadrResponseCode;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.openadr.oadr20b.OadrCancelPartyRegistrationType;
import org.openadr.oadr20b.OadrCancelReportType;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrRequestReregistrationType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's OpenADR 2.0b VEN: registers with the VTN (or reuses the registration kept in its
 * folder) and polls it every poll interval, answering the events it distributes with the fleet's
 * decision. {@link #start()} runs the timer; {@link #pollOnce()} is one poll, for tests and
 * operators.
 */
public final class Ven implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ven.class);

    private final VenOptions options;
    private final BooleanSupplier leader;
    private final VenRegistration registration;
    private final VenPoller poller;
    private final VenReports reports;
    private final EventIntake intake;
    private final VenOpts opts;
    private ScheduledExecutorService timer;

    /**
     * @param listener told of every event received or changed (the aggregator records and publishes
     *     it)
     */
    public Ven(
            VenOptions options,
            VtnClient client,
            FleetView fleet,
            EventDecider decider,
            OadrEventMapper mapper,
            Clock clock,
            Consumer<ReceivedEvent> listener) {
        this(
                options,
                client,
                fleet,
                decider,
                mapper,
                clock,
                listener,
                VenRegistration.fileStore(options),
                () -> true);
    }

    /**
     * @param store where the registration is kept (in a cluster: the cluster map and the file)
     * @param leader whether this node is the VEN now (in a cluster: it holds the VEN's lease); the
     *     timer polls and reports only while it is
     */
    public Ven(
            VenOptions options,
            VtnClient client,
            FleetView fleet,
            EventDecider decider,
            OadrEventMapper mapper,
            Clock clock,
            Consumer<ReceivedEvent> listener,
            RegistrationStore store,
            BooleanSupplier leader) {
        this(
                options,
                client,
                fleet,
                decider,
                mapper,
                clock,
                listener,
                store,
                leader,
                FirmCapacity.NONE);
    }

    /**
     * @param firm the fleet's bid, which opt decisions hold events' requested kW against
     */
    public Ven(
            VenOptions options,
            VtnClient client,
            FleetView fleet,
            EventDecider decider,
            OadrEventMapper mapper,
            Clock clock,
            Consumer<ReceivedEvent> listener,
            RegistrationStore store,
            BooleanSupplier leader,
            FirmCapacity firm) {
        this.options = Objects.requireNonNull(options, "options");
        this.leader = Objects.requireNonNull(leader, "leader");
        this.registration = new VenRegistration(options, client, store);
        this.reports =
                new VenReports(
                        client,
                        new FleetReportCatalog(options.venName(), PowerAttributes.EUROPE_400V),
                        fleet,
                        clock);
        this.intake = new EventIntake(fleet, decider, mapper, clock, listener, firm);
        this.opts = new VenOpts(client, clock);
        this.poller = new VenPoller(client, registration, reports, intake, opts);
    }

    /** A VEN for {@code fleet} with its own HTTP client, codec and event mapper. */
    public Ven(
            VenOptions options, FleetState fleet, Clock clock, Consumer<ReceivedEvent> listener) {
        this(options, fleet, clock, listener, VenRegistration.fileStore(options), () -> true);
    }

    /** The same, for one node of a cluster: the VEN runs where {@code leader} says it does. */
    public Ven(
            VenOptions options,
            FleetState fleet,
            Clock clock,
            Consumer<ReceivedEvent> listener,
            RegistrationStore store,
            BooleanSupplier leader) {
        this(options, FleetView.of(fleet), clock, listener, store, leader, FirmCapacity.NONE);
    }

    /**
     * The same, deciding opts by the fleet's bid ({@code firm}), reporting the running events'
     * delivery that {@code fleet} gives.
     */
    public Ven(
            VenOptions options,
            FleetView fleet,
            Clock clock,
            Consumer<ReceivedEvent> listener,
            RegistrationStore store,
            BooleanSupplier leader,
            FirmCapacity firm) {
        this(
                options,
                new VtnClient(
                        options,
                        new OadrCodec(OadrCodecOptions.DEFAULTS.withValidate(options.validate()))),
                fleet,
                new EventDecider(),
                new OadrEventMapper(),
                clock,
                listener,
                store,
                leader,
                firm);
    }

    /**
     * This node took the VEN over (or gave it up). Taking it: the registration is read from the
     * store; a push VEN registers again so that the VTN pushes to this node.
     */
    public void leadership(boolean taken) {
        if (!taken) {
            LOG.info("VEN {} runs on another node now", options.venName());
            return;
        }
        LOG.info("VEN {} runs on this node now", options.venName());
        if (!options.push()) {
            return; // the next poll reads the registration from the store
        }
        registration
                .reRegister()
                .whenComplete(
                        (r, e) -> {
                            if (e != null) {
                                LOG.warn("taking the VEN over: {}", e.toString());
                            }
                        });
    }

    /** Starts polling: the first poll at once, then one every poll interval after the last. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-ven-poll");
                            t.setDaemon(true);
                            return t;
                        });
        if (options.push() && leader.getAsBoolean()) {
            // the VTN pushes: register (and the reports) now, no polls
            timer.execute(
                    () ->
                            registration
                                    .ensure()
                                    .thenCompose(reports::ensureRegistered)
                                    .whenComplete(
                                            (x, e) -> {
                                                if (e != null) {
                                                    LOG.warn(
                                                            "registering with {} failed: {}",
                                                            options.vtnUrl(),
                                                            e.toString());
                                                }
                                            }));
        } else if (!options.push()) {
            schedule(timer, 0);
        }
        long sample = options.reportSampleInterval().toMillis();
        timer.scheduleWithFixedDelay(this::reportTick, sample, sample, TimeUnit.MILLISECONDS);
        LOG.info(
                "VEN {} polls {} every {}",
                options.venName(),
                options.vtnUrl(),
                options.pollInterval());
    }

    private void schedule(ScheduledExecutorService on, long delayMs) {
        if (on.isShutdown()) {
            return;
        }
        try {
            on.schedule(
                    () ->
                            (leader.getAsBoolean()
                                            ? poller.pollOnce()
                                            : java.util.concurrent.CompletableFuture
                                                    .<PollResult>completedFuture(null))
                                    .whenComplete(
                                            (result, error) -> {
                                                if (error != null) {
                                                    LOG.warn(
                                                            "poll of {} failed: {}",
                                                            options.vtnUrl(),
                                                            error.toString());
                                                }
                                                schedule(on, options.pollInterval().toMillis());
                                            }),
                    delayMs,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("VEN stopped: no next poll");
        }
    }

    private void reportTick() {
        if (!leader.getAsBoolean()) {
            return;
        }
        registration
                .current()
                .ifPresent(
                        reg -> {
                            try {
                                reports.tick(reg)
                                        .toCompletableFuture()
                                        .get(
                                                options.httpTimeout().toMillis() * 2,
                                                TimeUnit.MILLISECONDS);
                            } catch (Exception e) {
                                LOG.warn("sending the VEN's reports failed: {}", e.toString());
                                if (e instanceof InterruptedException) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        });
    }

    /**
     * Samples the fleet for the running report requests and sends those due now; the timer does
     * this every {@link VenOptions#reportSampleInterval()}.
     */
    public CompletionStage<Void> reportOnce() {
        return registration
                .current()
                .map(reports::tick)
                .orElse(java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    /**
     * A message the VTN pushed (push model): the answer for the HTTP response and what follows.
     * Before the VEN is registered, every message is answered 463.
     */
    public CompletionStage<VenAnswer> pushed(Object message) {
        VenRegistration.Registration reg = registration.current().orElse(null);
        if (reg == null) {
            return done(
                    VenAnswer.of(
                            VenPushServer.response(
                                    OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED,
                                    "this VEN is not registered")));
        }
        if (message instanceof OadrDistributeEventType distribute) {
            return intake.take(reg.venId(), distribute)
                    .thenApply(
                            in ->
                                    new VenAnswer(
                                            VenPushServer.response(OadrResponseCode.OK, null),
                                            () ->
                                                    poller.answer(
                                                                    reg,
                                                                    distribute.getRequestID(),
                                                                    in)
                                                            .thenApply(r -> null)));
        }
        if (message instanceof OadrCreateReportType create) {
            return done(reports.createReport(reg, create));
        }
        if (message instanceof OadrCancelReportType cancel) {
            return done(reports.cancelReport(reg, cancel));
        }
        if (message instanceof OadrRegisterReportType register) {
            return done(reports.registerReportOfVtn(reg, register));
        }
        if (message instanceof OadrUpdateReportType update) {
            return done(reports.updateReportOfVtn(reg, update));
        }
        if (message instanceof OadrCancelPartyRegistrationType cancel) {
            return done(registration.cancelled(cancel));
        }
        if (message instanceof OadrRequestReregistrationType) {
            return done(
                    new VenAnswer(
                            VenPushServer.response(OadrResponseCode.OK, null),
                            () -> registration.reRegister().thenApply(r -> null)));
        }
        return done(
                VenAnswer.of(
                        VenPushServer.response(
                                OadrResponseCode.NOT_RECOGNIZED,
                                "not a message a VTN pushes to a VEN")));
    }

    private static CompletionStage<VenAnswer> done(VenAnswer a) {
        return java.util.concurrent.CompletableFuture.completedFuture(a);
    }

    /** Sends an opt (a schedule of availability, or sites out of an event) to the VTN. */
    public CompletionStage<Void> createOpt(OptSchedule opt) {
        return registration.ensure().thenCompose(reg -> opts.create(reg, opt));
    }

    /** Withdraws an opt. */
    public CompletionStage<Void> cancelOpt(String optId) {
        return registration.ensure().thenCompose(reg -> opts.cancel(reg, optId));
    }

    /** The opts the VTN accepted. */
    public List<OptSchedule> opts() {
        return opts.accepted();
    }

    /** The VEN's side of EiReport. */
    public VenReports reports() {
        return reports;
    }

    /** Ends the registration at the VTN and forgets it (the next poll registers anew). */
    public CompletionStage<Void> cancelRegistration() {
        return registration.cancel();
    }

    /** Whether the timer runs. */
    public synchronized boolean isStarted() {
        return timer != null;
    }

    /** One poll now. */
    public CompletionStage<PollResult> pollOnce() {
        return poller.pollOnce();
    }

    /** Registers now unless the folder already holds a registration. */
    public CompletionStage<VenRegistration.Registration> register() {
        return registration.ensure();
    }

    public VenRegistration registration() {
        return registration;
    }

    /** The events received, latest modification each. */
    public List<ReceivedEvent> events() {
        return intake.events();
    }

    /** Stops the timer (a poll under way completes). */
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
