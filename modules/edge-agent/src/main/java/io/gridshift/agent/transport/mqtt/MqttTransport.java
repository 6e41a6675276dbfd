package io.gridshift.agent.transport.mqtt;

import io.gridshift.agent.transport.Backoff;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.agent.transport.TransportListener;
import io.gridshift.domain.Check;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeTopics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge transport over MQTT v5 (Paho's asynchronous client). A persistent session (clean start
 * off) keeps dispatch orders published while the agent is away; the status topic carries a retained
 * ONLINE after every connect and the will, a retained OFFLINE, when the link dies. Reconnects run
 * on our own loop with jittered exponential back-off.
 *
 * <p>Every state change runs on one scheduler thread; Paho's callbacks only hand work to it.
 */
public final class MqttTransport implements EdgeTransport {
    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    private static final long CLOSE_WAIT_MS = 2_000;

    private final MqttTransportOptions options;
    private final StatusPayloads status;
    private final Map<OutboundChannel, String> topics = new EnumMap<>(OutboundChannel.class);
    private final String dispatchTopic;
    private final String planTopic;
    private final Backoff backoff;
    private final SSLSocketFactory socketFactory;
    private final MqttAsyncClient client;
    private final PublishWindow window;
    private final ScheduledExecutorService scheduler;

    private volatile TransportListener listener;
    private volatile boolean connected;
    private volatile boolean closed;
    private boolean started;
    private boolean everConnected;
    private boolean linkUp;
    private int links;
    private int failedAttempts;
    private ScheduledFuture<?> nextAttempt;

    public MqttTransport(MqttTransportOptions options, StatusPayloads status) {
        this(options, status, RandomGenerator.getDefault());
    }

    /**
     * @param random the source of the back-off's jitter
     * @throws IllegalStateException when the TLS files cannot be read or Paho refuses the options
     */
    public MqttTransport(
            MqttTransportOptions options, StatusPayloads status, RandomGenerator random) {
        this.options = Check.required("options", options);
        this.status = Check.required("status", status);
        EdgeTopics edgeTopics = options.topics();
        for (OutboundChannel c : OutboundChannel.values()) {
            topics.put(c, edgeTopics.topic(options.site(), channelOf(c)));
        }
        this.dispatchTopic = edgeTopics.topic(options.site(), Channel.DISPATCH);
        this.planTopic = edgeTopics.topic(options.site(), Channel.PLAN);
        this.backoff = options.backoff().newBackoff(Check.required("random", random));
        this.socketFactory = tlsSocketFactory(options);
        this.window = new PublishWindow(options.maxPendingPublishes());
        try {
            this.client =
                    new MqttAsyncClient(
                            options.serverUri().toString(),
                            options.clientId(),
                            new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("Paho refuses the MQTT options: " + e, e);
        }
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-mqtt-" + options.site());
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public void start(TransportListener transportListener) {
        Check.required("listener", transportListener);
        synchronized (this) {
            if (started || closed) {
                throw new IllegalStateException("an MQTT transport starts once");
            }
            started = true;
        }
        this.listener = transportListener;
        client.setCallback(
                new PahoCallback(this, dispatchTopic, planTopic, options.maxPayloadBytes()));
        post(this::attempt);
    }

    @Override
    public boolean isConnected() {
        return connected && client.isConnected();
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
        if (!isConnected()) {
            return CompletableFuture.failedFuture(
                    TransportErrors.disconnected("not connected to " + options.serverUri()));
        }
        int qos = channel == OutboundChannel.TELEMETRY ? options.telemetryQos() : 1;
        boolean retained = channelOf(channel).mqttRetained();
        String topic = topics.get(channel);
        if (qos == 0) {
            return publish(topic, payload, 0, retained);
        }
        return window.submit(() -> publish(topic, payload, 1, retained));
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (client.isConnected()) {
            // Retained status would say ONLINE forever after a clean stop: say OFFLINE first.
            // A normal DISCONNECT then ends the link without the will.
            try {
                client.publish(
                                topics.get(OutboundChannel.STATUS),
                                MqttConnectOptions.message(status.offline(), 1, true))
                        .waitForCompletion(CLOSE_WAIT_MS);
            } catch (MqttException e) {
                LOG.warn("OFFLINE status not acknowledged on close: {}", e.toString());
            }
            try {
                client.disconnect(CLOSE_WAIT_MS).waitForCompletion(CLOSE_WAIT_MS);
            } catch (MqttException e) {
                LOG.warn(
                        "MQTT disconnect of {} was not clean: {}",
                        options.clientId(),
                        e.toString());
            }
        }
        connected = false;
        window.failAll(TransportErrors.closed());
        try {
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the Paho client: {}", e.toString());
        }
        scheduler.shutdownNow();
        LOG.info("MQTT transport {} closed", options.clientId());
    }

    // --- the connection loop, on the scheduler thread ---

    private void attempt() {
        nextAttempt = null;
        if (closed || client.isConnected()) {
            return;
        }
        try {
            client.connect(
                    MqttConnectOptions.of(
                            options,
                            topics.get(OutboundChannel.STATUS),
                            status.offline(),
                            socketFactory),
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            post(() -> onConnected(token));
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable error) {
                            post(() -> onAttemptFailed(error));
                        }
                    });
        } catch (MqttException | RuntimeException e) {
            onAttemptFailed(e);
        }
    }

    private void onConnected(IMqttToken token) {
        if (closed) {
            return;
        }
        int link = ++links;
        linkUp = true;
        boolean sessionPresent = token.getSessionPresent();
        backoff.reset();
        failedAttempts = 0;
        window.resize(PahoActions.receiveMaximum(token));
        LOG.info(
                "MQTT connected to {} as {} (session present: {})",
                options.serverUri(),
                options.clientId(),
                sessionPresent);
        if (sessionPresent) {
            // subscribing again (retain handling 0) hands over the retained plan, which a resumed
            // session would not: a restarted agent learns the newest plan version at once
            PahoActions.subscribe(
                    client, planTopic, Channel.PLAN.maxMqttQos(), () -> post(() -> ready(link)));
        } else {
            // "connected" promises that orders reach the agent: only once the broker has the
            // subscription (a test or an aggregator may publish the moment it hears ONLINE)
            // the plan topic is retained: subscribing delivers the newest plan at once
            PahoActions.subscribe(
                    client,
                    dispatchTopic,
                    Channel.DISPATCH.maxMqttQos(),
                    () ->
                            PahoActions.subscribe(
                                    client,
                                    planTopic,
                                    Channel.PLAN.maxMqttQos(),
                                    () -> post(() -> ready(link))));
        }
    }

    private void ready(int link) {
        if (closed || !linkUp || link != links) {
            return;
        }
        connected = true;
        // before the agent hears "connected", so that ONLINE replaces the will's OFFLINE first
        window.submit(() -> publish(topics.get(OutboundChannel.STATUS), status.online(), 1, true))
                .whenComplete(
                        (ok, e) -> {
                            if (e != null) {
                                LOG.warn("MQTT ONLINE status not acknowledged: {}", e.toString());
                            }
                        });
        boolean reconnect = everConnected;
        everConnected = true;
        safely(() -> listener.connected(reconnect));
    }

    private void onAttemptFailed(Throwable error) {
        if (closed) {
            return;
        }
        failedAttempts++;
        Duration delay = backoff.nextDelay();
        // every attempt reaches the listener; the log hears of the first and every tenth
        if (failedAttempts % 10 == 1) {
            LOG.warn(
                    "MQTT connect to {} failed {} time(s) ({}); next attempt in {} ms",
                    options.serverUri(),
                    failedAttempts,
                    error.toString(),
                    delay.toMillis());
        }
        safely(() -> listener.attemptFailed(error, delay));
        schedule(delay);
    }

    void onLost(Throwable cause) {
        if (!linkUp) {
            return;
        }
        linkUp = false;
        boolean wasReady = connected;
        connected = false;
        window.failWaiting(TransportErrors.disconnected("the link to the broker went down", cause));
        if (closed) {
            return;
        }
        Duration delay = backoff.nextDelay();
        if (wasReady) {
            LOG.warn(
                    "MQTT link to {} lost ({}); reconnecting in {} ms",
                    options.serverUri(),
                    cause.toString(),
                    delay.toMillis());
            safely(() -> listener.disconnected(cause));
        } else {
            // lost between CONNACK and SUBACK: to the agent, this attempt failed
            safely(() -> listener.attemptFailed(cause, delay));
        }
        schedule(delay);
    }

    void onDispatch(byte[] payload) {
        safely(() -> listener.dispatchReceived(payload, false));
    }

    void onPlan(byte[] payload) {
        safely(() -> listener.planReceived(payload, false));
    }

    void onDispatchRefused(String reason) {
        safely(() -> listener.dispatchRefused(reason));
    }

    private void schedule(Duration delay) {
        cancelNextAttempt();
        nextAttempt = scheduler.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelNextAttempt() {
        if (nextAttempt != null) {
            nextAttempt.cancel(false);
            nextAttempt = null;
        }
    }

    /** Runs {@code task} on the scheduler thread; after close, there is none and it is dropped. */
    void post(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("dropped work after close");
        }
    }

    private CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean keep) {
        return PahoActions.publish(client, topic, payload, qos, keep);
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("the transport listener failed", e);
        }
    }

    private static SSLSocketFactory tlsSocketFactory(MqttTransportOptions options) {
        if (!"ssl".equals(options.serverUri().getScheme())) {
            return null;
        }
        return options.tls() == null ? null : options.tls().socketFactory();
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
}
