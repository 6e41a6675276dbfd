package io.gridshift.aggregator.mqtt;

import io.gridshift.aggregator.dispatch.DispatchSender;
import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeTopics;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Publishes orders on each site's dispatch topic at QoS 1 through the ingress's clients. Paho
 * refuses a publication beyond the broker's receive maximum instead of queueing it, so each client
 * keeps at most that many in flight (what the broker said in its CONNACK, capped at {@value
 * #MAX_WINDOW}; HiveMQ says 10, Mosquitto its {@code max_inflight_messages}) and queues the rest; a
 * burst of a thousand orders goes out as fast as the broker acknowledges.
 */
public final class MqttDispatchSender implements DispatchSender {
    /** The most publications in flight per client, whatever the broker allows. */
    static final int MAX_WINDOW = 1_000;

    private static final int MAX_QUEUED = 100_000;

    private final EdgeTopics topics;
    private final EdgeCodec codec;
    private final Supplier<List<MqttAsyncClient>> clients;
    private final ToIntFunction<MqttAsyncClient> receiveMaximum;
    private final AtomicInteger next = new AtomicInteger();
    private volatile List<Lane> lanes;

    /**
     * @param clients the ingress's clients, asked at the first order (the ingress starts after the
     *     dispatch service that uses this sender is built)
     */
    public MqttDispatchSender(
            Supplier<List<MqttAsyncClient>> clients,
            ToIntFunction<MqttAsyncClient> receiveMaximum,
            EdgeTopics topics,
            EdgeCodec codec) {
        this.receiveMaximum = receiveMaximum;
        this.clients = clients;
        this.topics = topics;
        this.codec = codec;
    }

    private List<Lane> lanes() {
        List<Lane> l = lanes;
        if (l == null) {
            synchronized (this) {
                if (lanes == null) {
                    List<MqttAsyncClient> c = clients.get();
                    if (c == null || c.isEmpty()) {
                        throw new GridshiftException(
                                ErrorKind.UNAVAILABLE,
                                "mqtt_down",
                                "dispatch: the node's MQTT ingress is not started");
                    }
                    lanes =
                            c.stream()
                                    .map(
                                            m ->
                                                    new Lane(
                                                            m,
                                                            Math.min(
                                                                    MAX_WINDOW,
                                                                    receiveMaximum.applyAsInt(m))))
                                    .toList();
                }
                l = lanes;
            }
        }
        return l;
    }

    @Override
    public CompletionStage<Void> send(DispatchOrder order, SiteRoute site) {
        MqttMessage message = new MqttMessage(codec.encode(order));
        message.setQos(Channel.DISPATCH.mqttQos());
        message.setRetained(Channel.DISPATCH.mqttRetained());
        String topic = topics.topic(order.site(), Channel.DISPATCH);
        List<Lane> all = lanes();
        Lane lane = all.get(Math.floorMod(next.getAndIncrement(), all.size()));
        return lane.submit(new Publication(topic, message, new CompletableFuture<>()));
    }

    /**
     * Publishes a site's plan version on its plan topic, retained (QoS and retain flag from {@link
     * Channel#PLAN}), through the same lanes as orders.
     */
    public CompletionStage<Void> send(SitePlan plan) {
        MqttMessage message = new MqttMessage(codec.encode(plan));
        message.setQos(Channel.PLAN.mqttQos());
        message.setRetained(Channel.PLAN.mqttRetained());
        String topic = topics.topic(plan.site(), Channel.PLAN);
        List<Lane> all = lanes();
        Lane lane = all.get(Math.floorMod(next.getAndIncrement(), all.size()));
        return lane.submit(new Publication(topic, message, new CompletableFuture<>()));
    }

    private record Publication(String topic, MqttMessage message, CompletableFuture<Void> done) {}

    /** One client's window of publications in flight and its queue. */
    private static final class Lane {
        private final MqttAsyncClient client;
        private final int window;
        private final ArrayDeque<Publication> queued = new ArrayDeque<>();
        private int inFlight;

        Lane(MqttAsyncClient client, int window) {
            this.client = client;
            this.window = Math.max(1, window);
        }

        CompletableFuture<Void> submit(Publication p) {
            synchronized (this) {
                if (inFlight >= window) {
                    if (queued.size() >= MAX_QUEUED) {
                        return CompletableFuture.failedFuture(
                                new GridshiftException(
                                        ErrorKind.UNAVAILABLE,
                                        "overloaded",
                                        "dispatch: " + MAX_QUEUED + " orders wait for the broker"));
                    }
                    queued.add(p);
                    return p.done();
                }
                inFlight++;
            }
            publish(p);
            return p.done();
        }

        private void publish(Publication p) {
            try {
                client.publish(
                        p.topic(),
                        p.message(),
                        null,
                        new MqttActionListener() {
                            @Override
                            public void onSuccess(IMqttToken token) {
                                p.done().complete(null);
                                finished();
                            }

                            @Override
                            public void onFailure(IMqttToken token, Throwable e) {
                                p.done().completeExceptionally(e);
                                finished();
                            }
                        });
            } catch (MqttException e) {
                p.done().completeExceptionally(e);
                finished();
            }
        }

        private void finished() {
            Publication next;
            synchronized (this) {
                next = queued.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            publish(next);
        }
    }
}
