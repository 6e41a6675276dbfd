package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.edge.Channel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Load runner for the aggregator's CoAP ingress: a node, and a few senders ({@link RawCoapSender}
 * by default, or Californium 3 client endpoints with {@code californium}) sending NON POSTs of JSON
 * telemetry (Content-Format 50) for N sites to {@code /v1/sites/{site}/telemetry} as fast as they
 * can, at most {@code MAX_OUTSTANDING} unanswered each. A client endpoint is replaced by a fresh
 * one (a new UDP port) every {@code MESSAGES_PER_ENDPOINT} requests: the server deduplicates NON
 * messages by message id and peer for {@code NON_LIFETIME} (145 s), so one peer wrapping its 16-bit
 * ids would be dropped as duplicates. After a warm-up it measures the node's {@code
 * gridshift_ingest_messages_total{transport=coap,channel=telemetry}} over the window.
 *
 * <pre>
 * java -Xmx2g -cp gridshift-benchmarks.jar io.gridshift.bench.aggregator.CoapIngestLoad \
 *     10000 30 [clients=2] [raw|californium]
 * </pre>
 *
 * Goal (issue "Aggregator"): >= 20,000 telemetry msg/s over CoAP.
 */
public final class CoapIngestLoad {
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final int MAX_OUTSTANDING = 1_000;
    private static final int MESSAGES_PER_ENDPOINT = 30_000;

    private CoapIngestLoad() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String generator = args.length > 3 ? args[3] : "raw";
        if (!generator.equals("raw") && !generator.equals("californium")) {
            throw new IllegalArgumentException(
                    "generator must be raw or californium, was " + generator);
        }
        CoapConfig.register();
        UdpConfig.register();
        try (AggregatorNode node = LoadSupport.startNode(null)) {
            ScheduledExecutorService retire = Executors.newSingleThreadScheduledExecutor();
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", node.coapPort());
            String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            List<LoadSender> senders = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                senders.add(
                        generator.equals("raw")
                                ? new RawCoapSender(c, clients, sites, server, ts)
                                : new Sender(c, clients, sites, server, ts, retire));
            }
            senders.forEach(LoadSender::start);
            LoadSupport.park(WARM_UP);
            long t0 = System.nanoTime();
            long sent0 = sent(senders);
            double in0 = node.metrics().ingestedCount(Transport.COAP, Channel.TELEMETRY);
            double rej0 = LoadSupport.rejected(node);
            LoadSupport.park(window);
            long t1 = System.nanoTime();
            long sent1 = sent(senders);
            double in1 = node.metrics().ingestedCount(Transport.COAP, Channel.TELEMETRY);
            double rej1 = LoadSupport.rejected(node);
            senders.forEach(LoadSender::halt);
            for (LoadSender s : senders) {
                s.join();
            }
            LoadSupport.park(Duration.ofSeconds(3));
            long known = LoadSupport.summary(node).sitesKnown();
            double secs = (t1 - t0) / 1e9;
            long ok = 0;
            long failed = 0;
            long endpoints = 0;
            for (LoadSender s : senders) {
                ok += s.ok();
                failed += s.failed();
                endpoints += s.ports();
            }
            retire.shutdownNow();
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "aggregator-coap-ingest generator=%s sites=%d clients=%d portsUsed=%d"
                                    + " window=%.0fs sent=%.0f/s aggregator=%.0f/s (ingested"
                                    + " counter) rejected=%.0f/s kept=%.0f/s rejectedTotal=%.0f"
                                    + " (%s) responses(2.xx=%d other=%d) sitesKnown=%d cpus=%d",
                            generator,
                            sites,
                            clients,
                            endpoints,
                            secs,
                            (sent1 - sent0) / secs,
                            (in1 - in0) / secs,
                            (rej1 - rej0) / secs,
                            (in1 - in0 - (rej1 - rej0)) / secs,
                            LoadSupport.rejected(node),
                            LoadSupport.rejectedByReason(node),
                            ok,
                            failed,
                            known,
                            Runtime.getRuntime().availableProcessors()));
        }
        System.exit(0);
    }

    private static long sent(List<LoadSender> senders) {
        long n = 0;
        for (LoadSender s : senders) {
            n += s.sent();
        }
        return n;
    }

    /** A thread sending telemetry, and what it counted. */
    interface LoadSender {
        void start();

        void halt();

        void join() throws InterruptedException;

        long sent();

        long ok();

        long failed();

        /** UDP ports (client endpoints) used so far. */
        long ports();
    }

    /** One thread sending the telemetry of every {@code n}-th site, round after round. */
    private static final class Sender extends Thread implements LoadSender {
        private final String[] paths;
        private final byte[][] heads;
        private final byte[] tail;
        private final AddressEndpointContext server;
        private final ScheduledExecutorService retire;
        private final Configuration config;
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private volatile boolean running = true;
        private volatile long endpoints;

        Sender(
                int index,
                int of,
                int sites,
                InetSocketAddress server,
                String ts,
                ScheduledExecutorService retire) {
            super("bench-coap-" + index);
            setDaemon(true);
            this.server = new AddressEndpointContext(server);
            this.retire = retire;
            this.config = Configuration.createStandardWithoutFile();
            config.set(CoapConfig.MID_TRACKER, CoapConfig.TrackerMode.NULL);
            config.set(CoapConfig.NON_LIFETIME, 10, TimeUnit.SECONDS);
            int mine = (sites - index + of - 1) / of;
            paths = new String[mine];
            heads = new byte[mine][];
            for (int k = 0; k < mine; k++) {
                String site = LoadSupport.site(index + k * of);
                paths[k] = "v1/sites/" + site + "/telemetry";
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

        private CoapEndpoint newEndpoint() throws java.io.IOException {
            CoapEndpoint e =
                    CoapEndpoint.builder()
                            .setConfiguration(config)
                            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
                            .build();
            e.start();
            endpoints++;
            return e;
        }

        @Override
        public void run() {
            AtomicLong answered = new AtomicLong();
            try {
                CoapEndpoint endpoint = newEndpoint();
                long onEndpoint = 0;
                for (long seq = 1; running; seq++) {
                    byte[] digits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
                    for (int k = 0; k < paths.length && running; k++) {
                        if (onEndpoint >= MESSAGES_PER_ENDPOINT) {
                            CoapEndpoint old = endpoint;
                            retire.schedule(old::destroy, 3, TimeUnit.SECONDS);
                            endpoint = newEndpoint();
                            onEndpoint = 0;
                        }
                        long waitUntil = System.nanoTime() + 200_000_000L;
                        while (sent.get() - answered.get() > MAX_OUTSTANDING
                                && System.nanoTime() < waitUntil) {
                            LoadSupport.park(Duration.ofNanos(50_000));
                        }
                        byte[] head = heads[k];
                        byte[] payload = new byte[head.length + digits.length + tail.length];
                        System.arraycopy(head, 0, payload, 0, head.length);
                        System.arraycopy(digits, 0, payload, head.length, digits.length);
                        System.arraycopy(
                                tail, 0, payload, head.length + digits.length, tail.length);
                        Request r = Request.newPost();
                        r.setConfirmable(false);
                        r.setDestinationContext(server);
                        r.getOptions().setUriPath(paths[k]).setContentFormat(50);
                        r.setPayload(payload);
                        r.addMessageObserver(
                                new MessageObserverAdapter() {
                                    @Override
                                    public void onResponse(Response response) {
                                        answered.incrementAndGet();
                                        if (response.isSuccess()) {
                                            ok.incrementAndGet();
                                        } else {
                                            failed.incrementAndGet();
                                        }
                                    }
                                });
                        endpoint.sendRequest(r);
                        sent.incrementAndGet();
                        onEndpoint++;
                    }
                }
                retire.schedule(endpoint::destroy, 2, TimeUnit.SECONDS);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(getName() + " failed", e);
            }
        }

        @Override
        public void halt() {
            running = false;
        }

        @Override
        public long sent() {
            return sent.get();
        }

        @Override
        public long ok() {
            return ok.get();
        }

        @Override
        public long failed() {
            return failed.get();
        }

        @Override
        public long ports() {
            return endpoints;
        }
    }
}
