package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.ven.report.FleetReportCatalog;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecOptions;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.openadr.event.PowerAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    private final VenRegistration registration;
    private final VenPoller poller;
    private final VenReports reports;
    private final EventIntake intake;
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
        this.options = Objects.requireNonNull(options, "options");
        this.registration = new VenRegistration(options, client);
        this.reports =
                new VenReports(
                        client,
                        new FleetReportCatalog(options.venName(), PowerAttributes.EUROPE_400V),
                        fleet::summary,
                        clock);
        this.intake = new EventIntake(fleet, decider, mapper, clock, listener);
        this.poller = new VenPoller(client, registration, reports, intake);
    }

    /** A VEN for {@code fleet} with its own HTTP client, codec and event mapper. */
    public Ven(
            VenOptions options, FleetState fleet, Clock clock, Consumer<ReceivedEvent> listener) {
        this(
                options,
                new VtnClient(
                        options,
                        new OadrCodec(OadrCodecOptions.DEFAULTS.withValidate(options.validate()))),
                FleetView.of(fleet),
                new EventDecider(),
                new OadrEventMapper(),
                clock,
                listener);
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
        schedule(timer, 0);
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
                            poller.pollOnce()
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
