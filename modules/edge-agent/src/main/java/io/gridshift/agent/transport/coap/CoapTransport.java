package io.gridshift.agent.transport.coap;

import io.gridshift.agent.transport.Backoff;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.agent.transport.TransportListener;
import io.gridshift.domain.Check;
import io.gridshift.edge.Channel;
import io.gridshift.edge.CoapPaths;
import io.gridshift.edge.codec.EdgeFormat;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.coap.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge transport over CoAP (Californium), optionally DTLS with a pre-shared key. Telemetry goes
 * as NON POSTs, flex and acks as CON POSTs, status as a CON PUT; dispatch orders arrive as
 * notifications of the observed {@code /v1/sites/{site}/dispatch}. CoAP has no connection: the link
 * counts as up while the observation stands, and as down when it fails, is cancelled, stays silent
 * past the configured period and then cannot be renewed, or when a confirmable exchange gets no
 * answer. A lost observation is registered again with jittered exponential back-off.
 *
 * <p>State changes and listener calls run on one scheduler thread, which also runs Californium's
 * response handlers for this client.
 */
public final class CoapTransport implements EdgeTransport {
    private static final Logger LOG = LoggerFactory.getLogger(CoapTransport.class);
    private static final long CLOSE_WAIT_MS = 2_000;

    private final CoapTransportOptions options;
    private final StatusPayloads status;
    private final EdgeFormat format;
    private final Map<OutboundChannel, String> uris = new EnumMap<>(OutboundChannel.class);
    private final Backoff backoff;
    private final ScheduledThreadPoolExecutor scheduler;
    private final DispatchObservation observation;
    private final DispatchObservation planObservation;
    private final AtomicReference<Thread> schedulerThread = new AtomicReference<>();

    private volatile TransportListener listener;
    private volatile CoapLink link;
    private volatile boolean connected;
    private volatile boolean closed;
    private boolean started;
    private boolean everConnected;
    private int failedAttempts;

    public CoapTransport(CoapTransportOptions options, StatusPayloads status) {
        this(options, status, RandomGenerator.getDefault());
    }

    /**
     * @param random the source of the back-off's jitter
     */
    public CoapTransport(
            CoapTransportOptions options, StatusPayloads status, RandomGenerator random) {
        this.options = Check.required("options", options);
        this.status = Check.required("status", status);
        this.format = options.format();
        String base = options.aggregatorUri().toString().replaceAll("/+$", "");
        for (OutboundChannel c : OutboundChannel.values()) {
            uris.put(c, base + CoapPaths.path(options.site(), channelOf(c)));
        }
        this.backoff = options.backoff().newBackoff(Check.required("random", random));
        this.scheduler =
                new ScheduledThreadPoolExecutor(
                        1,
                        r -> {
                            Thread t = new Thread(r, "gridshift-coap-" + options.site());
                            t.setDaemon(true);
                            schedulerThread.set(t);
                            return t;
                        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.observation =
                new DispatchObservation(
                        base + CoapPaths.path(options.site(), Channel.DISPATCH),
                        options,
                        scheduler,
                        new ObservationEvents());
        // The plan is a second observed resource; the dispatch observation alone decides whether
        // the link is up, so this one only delivers and re-registers with its own back-off.
        Backoff planBackoff = options.backoff().newBackoff(random);
        this.planObservation =
                new DispatchObservation(
                        base + CoapPaths.path(options.site(), Channel.PLAN),
                        options,
                        scheduler,
                        new DispatchObservation.Events() {
                            @Override
                            public void established() {
                                planBackoff.reset();
                            }

                            @Override
                            public void dispatch(byte[] payload, boolean cbor) {
                                safely(() -> listener.planReceived(payload, cbor));
                            }

                            @Override
                            public Duration lost(Throwable cause) {
                                return planBackoff.nextDelay();
                            }
                        });
    }

    @Override
    public void start(TransportListener transportListener) {
        Check.required("listener", transportListener);
        synchronized (this) {
            if (started || closed) {
                throw new IllegalStateException("a CoAP transport starts once");
            }
            started = true;
        }
        this.listener = transportListener;
        CoapLink opened = CoapLink.open(options);
        this.link = opened;
        CoapClient client = new CoapClient();
        client.setEndpoint(opened.endpoint());
        // handlers run on our scheduler thread, so the state needs no locks
        client.setExecutors(scheduler, scheduler, true);
        post(() -> observation.register(client));
        post(() -> planObservation.register(client));
    }

    @Override
    public EdgeFormat format() {
        return options.format();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public CompletableFuture<Void> send(OutboundChannel channel, byte[] payload) {
        Check.required("channel", channel);
        Check.required("payload", payload);
        if (closed) {
            return CompletableFuture.failedFuture(TransportErrors.closed());
        }
        if (payload.length > options.maxPayloadBytes()) {
            return CompletableFuture.failedFuture(
                    TransportErrors.tooLarge(payload.length, options.maxPayloadBytes()));
        }
        CoapLink current = link;
        if (!connected || current == null) {
            return CompletableFuture.failedFuture(
                    TransportErrors.disconnected(
                            "the dispatch observation at " + options.aggregatorUri() + " is down"));
        }
        Channel c = channelOf(channel);
        Request request =
                c.coapMethod() == Channel.CoapMethod.PUT ? Request.newPut() : Request.newPost();
        request.setConfirmable(c.coapType() == Channel.CoapType.CON);
        request.setURI(uris.get(channel));
        request.getOptions().setContentFormat(format.coapContentFormat());
        request.setPayload(payload);
        CompletableFuture<Void> result = new CompletableFuture<>();
        String what = request.getCode() + " " + c.segment();
        request.addMessageObserver(
                new SendObserver(result, request.isConfirmable(), what, this::exchangeFailed));
        current.endpoint().sendRequest(request);
        return result;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (connected) {
                // CoAP has no will: say OFFLINE while the link is still there
                sayOffline();
            }
            closed = true;
        }
        connected = false;
        // a listener callback may close: it runs on the scheduler, which must not wait for itself
        if (Thread.currentThread() == schedulerThread.get()) {
            shutdownOnScheduler();
        } else {
            try {
                scheduler
                        .submit(this::shutdownOnScheduler)
                        .get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
                LOG.warn("CoAP transport close was not clean: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scheduler.shutdownNow();
        LOG.info("CoAP transport for {} closed", options.site());
    }

    private void sayOffline() {
        try {
            send(OutboundChannel.STATUS, status.offline())
                    .get(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("OFFLINE status not acknowledged on close: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdownOnScheduler() {
        planObservation.stop();
        observation.stop();
        CoapLink current = link;
        if (current != null) {
            current.close();
        }
    }

    /** A confirmable exchange went unanswered or could not be sent: the link is gone. */
    private void exchangeFailed(Throwable cause) {
        post(
                () -> {
                    if (connected) {
                        observation.fail(cause);
                    }
                });
    }

    private void post(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("dropped work after close");
        }
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("the transport listener failed", e);
        }
    }

    private static Channel channelOf(OutboundChannel channel) {
        return switch (channel) {
            case TELEMETRY -> Channel.TELEMETRY;
            case FLEX -> Channel.FLEX;
            case STATUS -> Channel.STATUS;
            case ACK -> Channel.ACK;
            case JOBS -> Channel.JOBS;
            case PLAN_ACK -> Channel.PLAN_ACK;
        };
    }

    /** What the observation reports, on the scheduler thread. */
    private final class ObservationEvents implements DispatchObservation.Events {
        @Override
        public void established() {
            if (connected || closed) {
                return;
            }
            connected = true;
            backoff.reset();
            failedAttempts = 0;
            boolean reconnect = everConnected;
            everConnected = true;
            LOG.info("CoAP observation of {} established", options.aggregatorUri());
            send(OutboundChannel.STATUS, status.online())
                    .whenComplete(
                            (ok, e) -> {
                                if (e != null) {
                                    LOG.warn("ONLINE status not acknowledged: {}", e.toString());
                                }
                            });
            safely(() -> listener.connected(reconnect));
        }

        @Override
        public void dispatch(byte[] payload, boolean cbor) {
            safely(() -> listener.dispatchReceived(payload, cbor));
        }

        @Override
        public Duration lost(Throwable cause) {
            CoapLink current = link;
            if (current != null) {
                current.forgetSession();
            }
            Duration delay = backoff.nextDelay();
            if (closed) {
                return delay;
            }
            if (connected) {
                connected = false;
                LOG.warn(
                        "CoAP link to {} lost ({}); registering again in {} ms",
                        options.aggregatorUri(),
                        cause.toString(),
                        delay.toMillis());
                safely(() -> listener.disconnected(cause));
            } else {
                failedAttempts++;
                // every attempt reaches the listener; the log hears of the first and every tenth
                if (failedAttempts % 10 == 1) {
                    LOG.warn(
                            "CoAP observation of {} failed {} time(s) ({}); next attempt in {} ms",
                            options.aggregatorUri(),
                            failedAttempts,
                            cause.toString(),
                            delay.toMillis());
                }
                safely(() -> listener.attemptFailed(cause, delay));
            }
            return delay;
        }
    }
}
