package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.event.EventOptions;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Time from a grid event received to all its orders sent, for a fleet of N sites (default 1,000)
 * carried by a few Paho v5 clients through the node's embedded broker: each site reports a reading
 * and an envelope (a 200 kW battery, 4 zones), subscribes to its dispatch topic and acks every
 * order. One node with its VEN on the real VTN of {@code modules/vtn} (polling every 100 ms) and
 * the default event options (the orchestrator looks every 200 ms, merit order). Each event, created
 * at the VTN for the whole fleet, asks half the fleet's flexibility for one hour (the VEN opts in
 * by the bid's firm kW, which for sites without a delivery history is well below their
 * flexibility). Per event, from the VEN's {@code receivedAt} (the node's clock, the moment the
 * distribute was read):
 *
 * <ul>
 *   <li>pickup: until the orchestrator began to plan it ({@code plannedAt});
 *   <li>plan: the bid, migrations and allocation ({@code planMs});
 *   <li>received -> all sent: until every order was issued to its site's transport and the issue
 *       completed (pickup + {@code ordersSentMs});
 *   <li>received -> last at site: until the last of its orders arrived at a site client.
 * </ul>
 *
 * <pre>
 * test-harness/bench/aggregator-load.sh event [sites=1000] [events=20] [warmup=3] [clients=20]
 * </pre>
 */
public final class EventDispatchLoad {
    private static final String PREFIX = "gridshift/v1/sites/";
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final double SITE_KW = 200;

    /**
     * Share of the fleet's flexibility each event asks: what the bid holds firm (95 %) for sites
     * without a delivery history, so that the VEN opts in.
     */
    private static final double REQUEST_SHARE = 0.5;

    private EventDispatchLoad() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Vertx vertx = Vertx.vertx();
        AtomicInteger ids = new AtomicInteger();
        VtnVerticle vtn =
                new VtnVerticle(
                        new VtnConfig("BENCH_VTN", "127.0.0.1", 0, Duration.ofSeconds(10)),
                        new VenRegistry(() -> "b" + ids.incrementAndGet()),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        Clock.systemUTC());
        LoadSupport.await(vertx.deployVerticle(vtn).toCompletionStage());
        String vtnUrl = "http://127.0.0.1:" + vtn.port();
        AggregatorOptions o =
                AggregatorOptions.ephemeral()
                        .withSiteRate(0, 1)
                        .withVen(
                                VenOptions.of(
                                                URI.create(vtnUrl),
                                                "bench",
                                                Files.createTempDirectory("gridshift-event-bench"))
                                        .withVenId("ven-bench")
                                        .withPollInterval(Duration.ofMillis(100)));
        try (AggregatorNode node =
                AggregatorNode.start(o, EventOptions.defaults(), Clock.systemUTC())) {
            System.out.println(run(node, vtnUrl, sites, events, warmup, clients));
        } finally {
            vertx.close();
        }
        System.exit(0);
    }

    private static String run(
            AggregatorNode node, String vtnUrl, int sites, int events, int warmup, int clients)
            throws Exception {
        Map<String, Long> arrivedMillis = new ConcurrentHashMap<>();
        AtomicLong arrived = new AtomicLong();
        List<SiteClient> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<String> mine = new ArrayList<>();
            for (int i = c; i < sites; i += clients) {
                mine.add(LoadSupport.site(i));
            }
            all.add(new SiteClient(node.mqttUri(), c, mine, arrivedMillis, arrived));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (node.ven().orElseThrow().registration().current().isEmpty()
                && System.nanoTime() < deadline) {
            LoadSupport.park(Duration.ofMillis(100));
        }
        HttpClient http = HttpClient.newHttpClient();
        double[][] figures = new double[events][];
        int ordersPerEvent = 0;
        for (int k = -warmup; k < events; k++) {
            for (SiteClient c : all) {
                c.report(sites); // fresh readings and envelopes: no site goes stale between events
            }
            awaitOnline(node, sites);
            String id = "evt-bench-" + (k + warmup);
            // one hour each, two hours apart: no two overlap, so each is decided on its own
            Instant start = Instant.now().plus(Duration.ofMinutes(10 + 120L * (k + warmup)));
            createEvent(http, vtnUrl, id, start, REQUEST_SHARE * SITE_KW * sites);
            double[] f = awaitOrders(node, id, arrivedMillis);
            if (k >= 0) {
                figures[k] = f;
                ordersPerEvent = (int) f[4];
            }
        }
        for (SiteClient c : all) {
            c.close();
        }
        return summary(sites, clients, events, ordersPerEvent, figures);
    }

    /**
     * Waits for the event's delivery and its orders at the sites; {pickup, plan, sent, last, n}.
     */
    private static double[] awaitOrders(
            AggregatorNode node, String id, Map<String, Long> arrivedMillis) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject d = node.gridEvents().delivery(id).orElse(null);
            if (d != null) {
                List<String> orders = new ArrayList<>();
                d.getJsonObject("sites")
                        .forEach(
                                s -> {
                                    JsonObject p = (JsonObject) s.getValue();
                                    if (p.getInteger("revision") > 0) {
                                        orders.add(p.getString("orderId"));
                                    }
                                });
                long last = 0;
                boolean allThere = true;
                for (String order : orders) {
                    Long at = arrivedMillis.get(order);
                    allThere &= at != null;
                    last = Math.max(last, at == null ? 0 : at);
                }
                if (allThere && !orders.isEmpty()) {
                    return figures(node, id, d, last, orders.size());
                }
            }
            LoadSupport.park(Duration.ofMillis(20));
        }
        JsonObject d = node.gridEvents().delivery(id).orElse(null);
        String logged =
                node.gridEvents().all().stream()
                        .filter(e -> id.equals(e.getString("eventId")))
                        .map(e -> e.getString("opt") + " (" + e.getString("reason") + ")")
                        .findFirst()
                        .orElse("not received");
        throw new IllegalStateException(
                "event "
                        + id
                        + ": orders not all at the sites in "
                        + WAIT
                        + "; decision "
                        + logged
                        + "; delivery "
                        + (d == null ? "none" : d.getString("status"))
                        + "; orders at sites "
                        + arrivedMillis.size());
    }

    private static double[] figures(
            AggregatorNode node, String id, JsonObject d, long lastMillis, int orders) {
        JsonObject logged =
                node.gridEvents().all().stream()
                        .filter(e -> id.equals(e.getString("eventId")))
                        .findFirst()
                        .orElseThrow();
        Instant received = Instant.parse(logged.getString("receivedAt"));
        double pickup =
                Duration.between(received, Instant.parse(d.getString("plannedAt"))).toNanos() / 1e6;
        return new double[] {
            pickup,
            d.getDouble("planMs"),
            pickup + d.getDouble("ordersSentMs"),
            lastMillis - received.toEpochMilli(),
            orders
        };
    }

    private static String summary(
            int sites, int clients, int events, int orders, double[][] figures) {
        String[] names = {
            "pickup", "plan", "received->all orders sent", "received->last order at a site"
        };
        StringBuilder b =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "aggregator-event sites=%d clients=%d events=%d orders/event=%d"
                                        + " (embedded HiveMQ, VEN polling the real VTN every"
                                        + " 100 ms, orchestrator every 200 ms)",
                                sites,
                                clients,
                                events,
                                orders));
        for (int f = 0; f < names.length; f++) {
            double[] v = new double[events];
            for (int k = 0; k < events; k++) {
                v[k] = figures[k][f];
            }
            Arrays.sort(v);
            b.append(
                    String.format(
                            Locale.ROOT,
                            " | %s ms: p50=%.0f p99=%.0f max=%.0f",
                            names[f],
                            pct(v, 0.50),
                            pct(v, 0.99),
                            v[events - 1]));
        }
        return b.toString();
    }

    private static double pct(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /**
     * Waits until every site is online with its envelope counted: the VEN decides an event by the
     * fleet's bid, and a bid made while envelopes are still arriving opts out (the first event once
     * saw 20 MW firm of the fleet's 111 MW).
     */
    private static void awaitOnline(AggregatorNode node, int sites) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (LoadSupport.summary(node).sitesOnline() < sites
                || LoadSupport.summary(node).flexKw() < 0.999 * SITE_KW * sites) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fleet did not come online");
            }
            LoadSupport.park(Duration.ofMillis(50));
        }
    }

    private static void createEvent(
            HttpClient http, String vtnUrl, String id, Instant start, double kw) throws Exception {
        JsonObject signal =
                new JsonObject()
                        .put("name", "LOAD_DISPATCH")
                        .put("type", "DELTA")
                        .put("unit", "kW")
                        .put(
                                "intervals",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("duration", "PT1H")
                                                        .put("value", -Math.round(kw))));
        JsonObject event =
                new JsonObject()
                        .put("eventId", id)
                        .put("venIds", new JsonArray().add("ven-bench"))
                        .put("start", start.toString())
                        .put("priority", 1)
                        .put("signals", new JsonArray().add(signal));
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(vtnUrl + "/api/v1/events"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("the VTN refused the event: " + r.body());
        }
    }

    /** One Paho client carrying several sites: reports them and acks every order it is sent. */
    private static final class SiteClient implements MqttCallback {
        private static final String[] ZONES = {"ZA", "ZB", "ZC", "ZD"};

        /** QoS 1 publishes a client has in flight at most (Paho refuses beyond its window). */
        private static final int IN_FLIGHT = 8;

        private final MqttAsyncClient client;
        private final List<String> sites;
        private final Map<String, Long> arrivedMillis;
        private final AtomicLong arrived;
        private final EdgeCodec codec = EdgeCodec.json();
        private long seq;

        SiteClient(
                String uri,
                int index,
                List<String> sites,
                Map<String, Long> arrivedMillis,
                AtomicLong arrived)
                throws MqttException {
            this.sites = sites;
            this.arrivedMillis = arrivedMillis;
            this.arrived = arrived;
            this.client = MqttIngestLoad.client(uri, "bench-event-sites-" + index);
            client.setCallback(this);
            MqttIngestLoad.connect(client);
            MqttSubscription[] subs = new MqttSubscription[sites.size()];
            for (int k = 0; k < sites.size(); k++) {
                subs[k] =
                        new MqttSubscription(
                                PREFIX + sites.get(k) + "/" + Channel.DISPATCH.segment(), 1);
            }
            client.subscribe(subs, null, null, new MqttProperties()).waitForCompletion(10_000);
        }

        /** One reading and one envelope per site. */
        void report(int fleet) throws MqttException {
            List<IMqttToken> tokens = new ArrayList<>();
            Instant ts = Instant.now();
            seq++;
            for (String site : sites) {
                SiteId id = SiteId.of(site);
                int n = Integer.parseInt(site.substring(site.indexOf('-') + 1));
                byte[] t = codec.encode(new Telemetry(id, seq, ts, 1000, 800, 1000, 0, null, null));
                FlexEnvelope e =
                        new FlexEnvelope(
                                id,
                                ts,
                                ts.plus(Duration.ofDays(3)),
                                GridZone.of(ZONES[n % ZONES.length]),
                                1000,
                                0,
                                List.of(
                                        new Battery(
                                                "ups",
                                                SITE_KW,
                                                4 * SITE_KW,
                                                90,
                                                20,
                                                Duration.ofSeconds(1),
                                                0.05 + 0.001 * (n % 50))));
                tokens.add(publish(PREFIX + site + "/" + Channel.TELEMETRY.segment(), t, tokens));
                tokens.add(
                        publish(
                                PREFIX + site + "/" + Channel.FLEX.segment(),
                                codec.encode(e),
                                tokens));
                if (tokens.size() >= IN_FLIGHT) {
                    for (IMqttToken token : tokens) {
                        token.waitForCompletion(10_000);
                    }
                    tokens.clear();
                }
            }
            for (IMqttToken token : tokens) {
                token.waitForCompletion(10_000);
            }
        }

        /** Publishes at QoS 1; when the window is full (acks go out too), waits and tries again. */
        private IMqttToken publish(String topic, byte[] payload, List<IMqttToken> pending)
                throws MqttException {
            for (int attempt = 0; ; attempt++) {
                try {
                    return client.publish(topic, payload, 1, false);
                } catch (MqttException e) {
                    if (e.getReasonCode()
                                    != org.eclipse.paho.mqttv5.client.MqttClientException
                                            .REASON_CODE_MAX_INFLIGHT
                            || attempt > 1000) {
                        throw e;
                    }
                    for (IMqttToken token : pending) {
                        token.waitForCompletion(10_000);
                    }
                    pending.clear();
                    LoadSupport.park(Duration.ofMillis(5));
                }
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long at = System.currentTimeMillis();
            DispatchOrder order = codec.decodeDispatch(message.getPayload());
            arrived.incrementAndGet();
            arrivedMillis.putIfAbsent(order.id().value(), at);
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
            try {
                client.publish(
                        PREFIX + order.site().value() + "/" + Channel.ACK.segment(), ack, 1, false);
            } catch (MqttException e) {
                // too many in flight: the node sends the order again and it is acked then
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
