package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.dispatch.DispatchView;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Dispatch round trip under load: N sites (default 1,000) carried by a few Paho v5 clients (default
 * 20, each subscribed to the dispatch topic of each of its sites at QoS 1) through a Mosquitto
 * process (or the embedded broker with {@code embedded}). Every site first sends one reading so the
 * node knows it; then one order per site is issued at once through {@code node.dispatch().issue},
 * and each site answers its order with an ACCEPTED ack (QoS 1) as soon as it arrives; then again
 * for each further round (default 2: the first meets a cold JVM). Per round it prints issue ->
 * ACCEPTED per order (the node's {@code firstAckAt} less the moment this runner called issue),
 * issue -> ack sent at the site (this JVM's clock), and the node's own {@code
 * gridshift_dispatch_ack_latency_seconds} (first send -> first ack; p50/p99 are the upper bounds of
 * its histogram buckets).
 *
 * <pre>
 * java -Xmx1g -cp gridshift-benchmarks.jar io.gridshift.bench.aggregator.DispatchLoad \
 *     1000 20 [rounds=2] [embedded]
 * </pre>
 *
 * Goal (issue "Aggregator"): every ack back, p99 issue -> ACCEPTED <= 500 ms.
 */
public final class DispatchLoad {
    private static final String PREFIX = "gridshift/v1/sites/";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private DispatchLoad() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 && !args[2].equals("embedded") ? Integer.parseInt(args[2]) : 2;
        boolean embedded = Arrays.asList(args).contains("embedded");
        MosquittoBroker mosquitto = embedded ? null : new MosquittoBroker();
        try {
            if (mosquitto != null) {
                mosquitto.start();
            }
            try (AggregatorNode node =
                    LoadSupport.startNode(mosquitto == null ? null : mosquitto.uri())) {
                System.out.println(
                        run(
                                node,
                                embedded ? "embedded HiveMQ" : "Mosquitto",
                                sites,
                                clients,
                                rounds));
            }
        } finally {
            if (mosquitto != null) {
                mosquitto.close();
            }
        }
        System.exit(0);
    }

    private static String run(
            AggregatorNode node, String brokerName, int sites, int clients, int rounds)
            throws Exception {
        ScheduledExecutorService retry = Executors.newSingleThreadScheduledExecutor();
        Map<String, Long> ackSentNanos = new ConcurrentHashMap<>();
        Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();
        AtomicLong ordersArrived = new AtomicLong();
        List<SiteClient> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = c; i < sites; i += clients) {
                mine.add(LoadSupport.site(i));
            }
            all.add(
                    new SiteClient(
                            node.mqttUri(),
                            c,
                            mine,
                            retry,
                            arrivedNanos,
                            ackSentNanos,
                            ordersArrived));
        }
        // every site reports once, so that the node knows it
        for (SiteClient c : all) {
            c.reportOnce();
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (LoadSupport.summary(node).sitesKnown() < sites && System.nanoTime() < deadline) {
            LoadSupport.park(Duration.ofMillis(100));
        }
        LoadSupport.park(Duration.ofSeconds(1));

        // round 1 meets a cold JVM; later rounds (new orders, same sites) a warm one
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Issued issued = issueAll(node, sites, "r" + round);
            int issueFailed = 0;
            for (CompletableFuture<DispatchView> f : issued.futures) {
                try {
                    f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (Exception e) {
                    issueFailed++;
                }
            }
            long accepted = awaitAccepted(node, (long) sites * round) - (long) sites * (round - 1);
            lines.add(
                    "round="
                            + round
                            + " "
                            + report(
                                    node,
                                    brokerName,
                                    sites,
                                    clients,
                                    issued,
                                    issueFailed,
                                    ordersArrived.get(),
                                    ackSentNanos,
                                    arrivedNanos,
                                    accepted));
            LoadSupport.park(Duration.ofSeconds(2));
        }
        retry.shutdownNow();
        for (SiteClient c : all) {
            c.close();
        }
        return String.join("\n", lines);
    }

    /** Waits until {@code total} orders are ACCEPTED at the node; returns how many are. */
    private static long awaitAccepted(AggregatorNode node, long total) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long accepted = 0;
        while (System.nanoTime() < deadline) {
            accepted =
                    node.dispatch().states().values().stream()
                            .filter(s -> s == DispatchState.ACCEPTED)
                            .count();
            if (accepted >= total) {
                break;
            }
            LoadSupport.park(Duration.ofMillis(50));
        }
        return accepted;
    }

    private static String report(
            AggregatorNode node,
            String brokerName,
            int sites,
            int clients,
            Issued issued,
            int issueFailed,
            long ordersArrived,
            Map<String, Long> ackSentNanos,
            Map<String, Long> arrivedNanos,
            long accepted)
            throws Exception {
        long[] toArrived = new long[sites];
        int nArrived = 0;
        for (String id : issued.nanos.keySet()) {
            Long at = arrivedNanos.get(id);
            if (at != null) {
                toArrived[nArrived++] = (at - issued.nanos.get(id)) / 1_000_000;
            }
        }
        long[] toAccepted = new long[sites];
        long[] toSiteAck = new long[sites];
        int nAccepted = 0;
        int nSiteAck = 0;
        for (String id : issued.nanos.keySet()) {
            DispatchView v = LoadSupport.await(node.dispatch().get(DispatchId.of(id))).orElse(null);
            if (v != null && v.firstAckAt() != null) {
                toAccepted[nAccepted++] = v.firstAckAt().toEpochMilli() - issued.millis.get(id);
            }
            Long sent = ackSentNanos.get(id);
            if (sent != null) {
                toSiteAck[nSiteAck++] = (sent - issued.nanos.get(id)) / 1_000_000;
            }
        }
        Timer timer = node.metrics().ackLatencyTimer();
        HistogramSnapshot snap = timer.takeSnapshot();
        return String.format(
                Locale.ROOT,
                "aggregator-dispatch broker=%s sites=%d clients=%d (%d sites each,"
                        + " one subscription per site) issueCalls=%.0fms issueFailed=%d"
                        + " ordersArrivedSoFar=%d acksSent=%d accepted=%d |"
                        + " issue->ACCEPTED ms: p50=%d p99=%d max=%d (n=%d) |"
                        + " issue->ack sent at site ms: p50=%d p99=%d max=%d (n=%d) |"
                        + " issue->order at site ms: p50=%d p99=%d (n=%d) |"
                        + " node timer (all rounds so far) first send->first ack: count=%d"
                        + " mean=%.1fms p50<=%.0fms p99<=%.0fms max=%.1fms",
                brokerName,
                sites,
                clients,
                (sites + clients - 1) / clients,
                issued.callsMs,
                issueFailed,
                ordersArrived,
                nSiteAck,
                accepted,
                pct(toAccepted, nAccepted, 0.50),
                pct(toAccepted, nAccepted, 0.99),
                pct(toAccepted, nAccepted, 1.0),
                nAccepted,
                pct(toSiteAck, nSiteAck, 0.50),
                pct(toSiteAck, nSiteAck, 0.99),
                pct(toSiteAck, nSiteAck, 1.0),
                nSiteAck,
                pct(toArrived, nArrived, 0.50),
                pct(toArrived, nArrived, 0.99),
                nArrived,
                timer.count(),
                timer.mean(TimeUnit.MILLISECONDS),
                bucketBound(snap, 0.50),
                bucketBound(snap, 0.99),
                timer.max(TimeUnit.MILLISECONDS));
    }

    private static Issued issueAll(AggregatorNode node, int sites, String round) {
        Instant now = Instant.now();
        Map<String, Long> issueNanos = new ConcurrentHashMap<>();
        Map<String, Long> issueMillis = new ConcurrentHashMap<>();
        List<CompletableFuture<DispatchView>> futures = new ArrayList<>();
        String stamp = Long.toString(System.currentTimeMillis() % 1_000_000L, 36);
        long issueStart = System.nanoTime();
        for (int i = 0; i < sites; i++) {
            String site = LoadSupport.site(i);
            String id = "bench-" + stamp + "-" + round + "-" + site;
            DispatchOrder order =
                    new DispatchOrder(
                            DispatchId.of(id),
                            1,
                            null,
                            SiteId.of(site),
                            now,
                            now.plusSeconds(60),
                            now.plus(Duration.ofMinutes(30)),
                            List.of(new DispatchAction.Reduce("batch", 100)));
            issueNanos.put(id, System.nanoTime());
            issueMillis.put(id, System.currentTimeMillis());
            futures.add(node.dispatch().issue(order).toCompletableFuture());
        }
        return new Issued(issueNanos, issueMillis, futures, (System.nanoTime() - issueStart) / 1e6);
    }

    private record Issued(
            Map<String, Long> nanos,
            Map<String, Long> millis,
            List<CompletableFuture<DispatchView>> futures,
            double callsMs) {}

    private static long pct(long[] values, int n, double q) {
        if (n == 0) {
            return -1;
        }
        long[] v = Arrays.copyOf(values, n);
        Arrays.sort(v);
        return v[Math.min(n - 1, (int) Math.ceil(q * n) - 1)];
    }

    /** The upper bound of the first histogram bucket holding at least {@code q} of the count. */
    private static double bucketBound(HistogramSnapshot snap, double q) {
        for (CountAtBucket b : snap.histogramCounts()) {
            if (b.count() >= q * snap.count()) {
                return b.bucket(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    /** One Paho client carrying several sites: it acks every order it is sent. */
    private static final class SiteClient implements MqttCallback {
        private final MqttAsyncClient client;
        private final List<String> sites;
        private final ScheduledExecutorService retry;
        private final Map<String, Long> arrivedNanos;
        private final Map<String, Long> ackSentNanos;
        private final AtomicLong ordersArrived;
        private final EdgeCodec codec = EdgeCodec.json();

        SiteClient(
                String uri,
                int index,
                List<String> sites,
                ScheduledExecutorService retry,
                Map<String, Long> arrivedNanos,
                Map<String, Long> ackSentNanos,
                AtomicLong ordersArrived)
                throws MqttException {
            this.sites = sites;
            this.retry = retry;
            this.arrivedNanos = arrivedNanos;
            this.ackSentNanos = ackSentNanos;
            this.ordersArrived = ordersArrived;
            this.client = MqttIngestLoad.client(uri, "bench-sites-" + index);
            client.setCallback(this);
            MqttIngestLoad.connect(client);
            MqttSubscription[] subs = new MqttSubscription[sites.size()];
            for (int k = 0; k < sites.size(); k++) {
                subs[k] = new MqttSubscription(PREFIX + sites.get(k) + "/dispatch", 1);
            }
            client.subscribe(subs, null, null, new MqttProperties()).waitForCompletion(10_000);
        }

        void reportOnce() throws MqttException {
            List<IMqttToken> tokens = new ArrayList<>();
            Instant ts = Instant.now();
            for (String site : sites) {
                byte[] payload =
                        codec.encode(
                                new Telemetry(
                                        SiteId.of(site), 1, ts, 1000, 800, 1000, 0, null, null));
                tokens.add(client.publish(PREFIX + site + "/telemetry", payload, 1, false));
            }
            for (IMqttToken t : tokens) {
                t.waitForCompletion(10_000);
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long at = System.nanoTime();
            DispatchOrder order = codec.decodeDispatch(message.getPayload());
            ordersArrived.incrementAndGet();
            arrivedNanos.putIfAbsent(order.id().value(), at);
            byte[] ack =
                    codec.encode(
                            new Ack(
                                    order.id(),
                                    order.revision(),
                                    order.site(),
                                    AckStatus.ACCEPTED,
                                    null,
                                    null,
                                    Instant.now()));
            sendAck(PREFIX + order.site().value() + "/ack", ack, order.id().value());
        }

        private void sendAck(String topic, byte[] ack, String id) {
            try {
                client.publish(topic, ack, 1, false);
                ackSentNanos.putIfAbsent(id, System.nanoTime());
            } catch (MqttException e) {
                // too many in flight: try again shortly
                retry.schedule(() -> sendAck(topic, ack, id), 5, TimeUnit.MILLISECONDS);
            }
        }

        void close() {
            try {
                client.disconnect().waitForCompletion(5_000);
                client.close();
            } catch (MqttException e) {
                // the run is over
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(MqttException e) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
