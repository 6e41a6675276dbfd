package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.edge.Channel;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Load runner for the aggregator's MQTT ingress: a node on a Mosquitto process (or on its embedded
 * broker with {@code embedded}) and, in the same run, bare Paho v5 subscribers (as many as the
 * node's ingress clients) in their own share group that only count. A few Paho v5 publishers send
 * QoS 0 telemetry for N sites as fast as they can (pre-encoded JSON, about 200 bytes, {@code seq}
 * rising per site), at most {@code MAX_OUTSTANDING} unsent publishes each. After a warm-up it
 * measures, over the window, messages published, received by the bare subscriber and ingested by
 * the node (its {@code gridshift_ingest_messages_total{transport=mqtt,channel=telemetry}}), and
 * prints one line.
 *
 * <pre>
 * java -Xmx2g -cp gridshift-benchmarks.jar io.gridshift.bench.aggregator.MqttIngestLoad \
 *     10000 30 [embedded] [publishers=4] [rate=0] [nodes=1]
 * </pre>
 *
 * {@code nodes=3} starts three nodes of one cluster in this JVM, their ingress clients in one share
 * group (the broker splits the telemetry among them); the figures are their sums.
 *
 * <p>Goals (issue "Aggregator"): >= 50,000 msg/s sustained, and >= 0.9 x the bare subscriber.
 */
public final class MqttIngestLoad {
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final int MAX_OUTSTANDING = 2_000;
    private static final String PREFIX = "gridshift/v1/sites/";

    private MqttIngestLoad() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        boolean embedded = false;
        int publishers = 4;
        double rate = 0;
        int nodeCount = 1;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("embedded")) {
                embedded = true;
            } else if (args[i].startsWith("publishers=")) {
                publishers = Integer.parseInt(args[i].substring("publishers=".length()));
            } else if (args[i].startsWith("nodes=")) {
                nodeCount = Integer.parseInt(args[i].substring("nodes=".length()));
            } else if (args[i].startsWith("rate=")) {
                rate = Double.parseDouble(args[i].substring("rate=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        MosquittoBroker mosquitto = embedded ? null : new MosquittoBroker();
        try {
            if (mosquitto != null) {
                mosquitto.start();
            }
            List<AggregatorNode> nodes =
                    LoadSupport.startNodes(mosquitto == null ? null : mosquitto.uri(), nodeCount);
            try {
                System.out.println(
                        run(
                                nodes,
                                embedded ? "embedded HiveMQ" : "Mosquitto",
                                sites,
                                window,
                                publishers,
                                rate));
            } finally {
                for (AggregatorNode n : nodes) {
                    n.close();
                }
            }
        } finally {
            if (mosquitto != null) {
                mosquitto.close();
            }
        }
        System.exit(0);
    }

    private static String run(
            List<AggregatorNode> nodes,
            String brokerName,
            int sites,
            Duration window,
            int publishers,
            double rate)
            throws Exception {
        AggregatorNode node = nodes.get(0);
        int nodeClients = 0;
        for (AggregatorNode n : nodes) {
            nodeClients += n.mqtt().clients().size();
        }
        String uri = node.mqttUri();
        AtomicLong bare = new AtomicLong();
        // as many bare clients as the node's ingress has, so both sides get the same share of
        // the broker's fan-out
        List<MqttAsyncClient> bareClients = new ArrayList<>();
        for (int i = 0; i < nodeClients; i++) {
            MqttAsyncClient c = client(uri, "bench-bare-" + i);
            c.setCallback(new Counting(bare));
            connect(c);
            c.subscribe("$share/bare/" + PREFIX + "+/telemetry", 0).waitForCompletion(10_000);
            bareClients.add(c);
        }
        List<Publisher> pubs = new ArrayList<>();
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (int p = 0; p < publishers; p++) {
            pubs.add(new Publisher(uri, p, publishers, sites, ts, rate / publishers));
        }
        pubs.forEach(Thread::start);
        LoadSupport.park(WARM_UP);
        Sample before = sample(nodes, pubs, bare);
        LoadSupport.park(window);
        Sample after = sample(nodes, pubs, bare);
        pubs.forEach(Publisher::halt);
        for (Publisher p : pubs) {
            p.join();
        }
        // let what is in flight arrive, then read the totals and the fleet
        LoadSupport.park(Duration.ofSeconds(5));
        Sample end = sample(nodes, pubs, bare);
        long known = LoadSupport.summary(node).sitesKnown();
        double secs = (after.nanos - before.nanos) / 1e9;
        double published = (after.published - before.published) / secs;
        double bareRate = (after.bare - before.bare) / secs;
        double aggRate = (after.ingested - before.ingested) / secs;
        // the node counts a reading as ingested once it is queued for filing (QoS 0 readings are
        // not confirmed); one its full queue refuses counts as rejected (overloaded) instead
        double rejRate = (after.rejected - before.rejected) / secs;
        double keptRate = aggRate;
        pubs.forEach(Publisher::close);
        for (MqttAsyncClient c : bareClients) {
            c.disconnect().waitForCompletion(5_000);
            c.close();
        }
        return String.format(
                Locale.ROOT,
                "aggregator-mqtt-ingest broker=%s nodes=%d sites=%d publishers=%d"
                        + " subscribers(bare+node)=%d+%d"
                        + " window=%.0fs published=%.0f/s bare=%.0f/s"
                        + " aggregator=%.0f/s (ingested) rejected=%.0f/s kept=%.0f/s"
                        + " ratio(kept/bare)=%.3f"
                        + " rejectedTotal=%.0f (%s) sitesKnown=%d totals(published=%d bare=%d"
                        + " aggregator=%.0f backlog=%d) cpus=%d",
                brokerName,
                nodes.size(),
                sites,
                publishers,
                bareClients.size(),
                nodeClients,
                secs,
                published,
                bareRate,
                aggRate,
                rejRate,
                keptRate,
                bareRate > 0 ? keptRate / bareRate : Double.NaN,
                rejectedSum(nodes),
                LoadSupport.rejectedByReason(node),
                known,
                end.published,
                end.bare,
                end.ingested,
                backlogSum(nodes),
                Runtime.getRuntime().availableProcessors());
    }

    private static Sample sample(
            List<AggregatorNode> nodes, List<Publisher> pubs, AtomicLong bare) {
        long published = 0;
        for (Publisher p : pubs) {
            published += p.sent.get();
        }
        double ingested = 0;
        for (AggregatorNode n : nodes) {
            ingested += n.metrics().ingestedCount(Transport.MQTT, Channel.TELEMETRY);
        }
        return new Sample(System.nanoTime(), published, bare.get(), ingested, rejectedSum(nodes));
    }

    private static double rejectedSum(List<AggregatorNode> nodes) {
        double r = 0;
        for (AggregatorNode n : nodes) {
            r += LoadSupport.rejected(n);
        }
        return r;
    }

    private static long backlogSum(List<AggregatorNode> nodes) {
        long b = 0;
        for (AggregatorNode n : nodes) {
            b += n.fleet().backlog();
        }
        return b;
    }

    static MqttAsyncClient client(String uri, String id) throws MqttException {
        return new MqttAsyncClient(uri, id, new MemoryPersistence());
    }

    static void connect(MqttAsyncClient c) throws MqttException {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setReceiveMaximum(65_535);
        o.setKeepAliveInterval(60);
        c.connect(o).waitForCompletion(10_000);
    }

    private record Sample(
            long nanos, long published, long bare, double ingested, double rejected) {}

    /** Counts what arrives, nothing else. */
    static final class Counting implements MqttCallback {
        private final AtomicLong count;

        Counting(AtomicLong count) {
            this.count = count;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            count.incrementAndGet();
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

    /** One client publishing the telemetry of every {@code n}-th site, round after round. */
    private static final class Publisher extends Thread {
        private final MqttAsyncClient client;
        private final String[] topics;
        private final byte[][] heads;
        private final byte[] tail;
        private final double rate;
        private final Semaphore window = new Semaphore(MAX_OUTSTANDING);
        private final AtomicLong sent = new AtomicLong();
        private volatile boolean running = true;
        private final MqttActionListener done =
                new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        sent.incrementAndGet();
                        window.release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        window.release();
                    }
                };

        Publisher(String uri, int index, int of, int sites, String ts, double rate)
                throws MqttException {
            super("bench-publisher-" + index);
            setDaemon(true);
            this.client = client(uri, "bench-pub-" + index);
            connect(client);
            this.rate = rate;
            int mine = (sites - index + of - 1) / of;
            topics = new String[mine];
            heads = new byte[mine][];
            for (int k = 0; k < mine; k++) {
                String site = LoadSupport.site(index + k * of);
                topics[k] = PREFIX + site + "/telemetry";
                heads[k] =
                        ("{\"v\":1,\"site\":\"" + site + "\",\"seq\":")
                                .getBytes(StandardCharsets.US_ASCII);
            }
            tail =
                    (",\"ts\":\""
                                    + ts
                                    + "\",\"facilityKw\":1000.5,\"itKw\":800,"
                                    + "\"gridImportKw\":1000.5,\"onsiteGenKw\":0}")
                            .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long n = 0;
            try {
                for (long seq = 1; running; seq++) {
                    byte[] digits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
                    for (int k = 0; k < topics.length && running; k++) {
                        byte[] head = heads[k];
                        byte[] payload = new byte[head.length + digits.length + tail.length];
                        System.arraycopy(head, 0, payload, 0, head.length);
                        System.arraycopy(digits, 0, payload, head.length, digits.length);
                        System.arraycopy(
                                tail, 0, payload, head.length + digits.length, tail.length);
                        window.acquire();
                        MqttMessage m = new MqttMessage(payload);
                        m.setQos(0);
                        client.publish(topics[k], m, null, done);
                        n++;
                        if (rate > 0) {
                            long due = start + (long) (n * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LoadSupport.park(Duration.ofNanos(wait));
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (MqttException e) {
                throw new IllegalStateException(getName() + " failed", e);
            }
        }

        void halt() {
            running = false;
        }

        void close() {
            try {
                client.disconnect().waitForCompletion(5_000);
                client.close();
            } catch (MqttException e) {
                // the run is over
            }
        }
    }
}
