package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.ven.CreatedEvents;
import io.gridshift.aggregator.ven.EventDecider;
import io.gridshift.aggregator.ven.EventIntake;
import io.gridshift.aggregator.ven.FleetView;
import io.gridshift.aggregator.ven.PollResult;
import io.gridshift.aggregator.ven.Ven;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.aggregator.ven.VtnClient;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.openadr.message.OadrMessages;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.openadr.oadr20b.OadrDistributeEventType;

/**
 * The VEN's decision time: a new 24-interval event (LOAD_DISPATCH delta, one hour each) is created
 * at the real VTN, then one poll of the VEN is timed, from sending oadrPoll to the VTN's answer to
 * the oadrCreatedEvent: the VTN's side of two exchanges on loopback, reading and validating the
 * distribute, the fleet's totals from the cluster, the decision, writing and validating the
 * oadrCreatedEvent. The VEN alone takes less; this bounds it from above. The fleet: 100 sites on a
 * Hazelcast member of a running node.
 *
 * <pre>
 * test-harness/bench/aggregator-load.sh ven [events=2000] [warmup=500]
 * </pre>
 */
public final class VenDecisionLoad {
    private VenDecisionLoad() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        ManualClock clock = new ManualClock(Instant.parse("2026-07-01T00:00:00Z"));
        Vertx vertx = Vertx.vertx();
        AtomicInteger ids = new AtomicInteger();
        VtnVerticle vtn =
                new VtnVerticle(
                        new VtnConfig("BENCH_VTN", "127.0.0.1", 0, Duration.ofSeconds(10)),
                        new VenRegistry(() -> "b" + ids.incrementAndGet()),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        clock);
        LoadSupport.await(vertx.deployVerticle(vtn).toCompletionStage());
        String vtnUrl = "http://127.0.0.1:" + vtn.port();
        HttpClient http = HttpClient.newHttpClient();
        try (AggregatorNode node = LoadSupport.startNode(null)) {
            fillFleet(node, Instant.now());
            VenOptions options =
                    VenOptions.of(
                                    URI.create(vtnUrl),
                                    "bench",
                                    Files.createTempDirectory("gridshift-ven-bench"))
                            .withVenId("ven-bench");
            try (Ven ven =
                    new Ven(
                            options,
                            new VtnClient(options, new OadrCodec()),
                            FleetView.of(node.fleet()),
                            new EventDecider(),
                            new OadrEventMapper(),
                            clock,
                            e -> {})) {
                LoadSupport.await(ven.register());
                long[] nanos = new long[events];
                int optIn = pollLoop(ven, node, http, vtnUrl, clock, nanos, warmup);
                Arrays.sort(nanos);
                long[] own = ownDecision(node, clock, events, warmup);
                System.out.printf(
                        Locale.ROOT,
                        "ven events=%d (24 intervals each) the VEN's own part, distribute bytes in"
                                + " -> oadrCreatedEvent bytes out (validated both ways, fleet totals"
                                + " from the cluster, decision): p50=%.2f ms p90=%.2f ms p99=%.2f ms"
                                + " max=%.2f ms%n",
                        events,
                        ms(own, 0.50),
                        ms(own, 0.90),
                        ms(own, 0.99),
                        own[events - 1] / 1e6);
                System.out.printf(
                        Locale.ROOT,
                        "ven events=%d (24 intervals each) optIn=%d poll->oadrCreatedEvent answered:"
                                + " p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms%n",
                        events,
                        optIn,
                        ms(nanos, 0.50),
                        ms(nanos, 0.90),
                        ms(nanos, 0.99),
                        nanos[events - 1] / 1e6);
            }
        } finally {
            vertx.close();
        }
    }

    /**
     * Creates one event at the VTN, then times one poll up to the VTN's answer to the
     * oadrCreatedEvent, {@code nanos.length} times after {@code warmup}; the fleet's envelopes are
     * filed again between polls (outside the timing) so that no site goes stale.
     *
     * @return how many events the VEN opted in to
     */
    private static int pollLoop(
            Ven ven,
            AggregatorNode node,
            HttpClient http,
            String vtnUrl,
            ManualClock clock,
            long[] nanos,
            int warmup)
            throws Exception {
        int events = nanos.length;
        int optIn = 0;
        for (int i = -warmup; i < events; i++) {
            createEvent(http, vtnUrl, "evt-" + (i + warmup), clock.instant());
            long t0 = System.nanoTime();
            PollResult r = LoadSupport.await(ven.pollOnce());
            long took = System.nanoTime() - t0;
            if (r.answered().size() != 1) {
                throw new IllegalStateException("poll " + i + " answered " + r.answered());
            }
            if (i >= 0) {
                nanos[i] = took;
                optIn += r.answered().get(0).decision().opt().name().equals("OPT_IN") ? 1 : 0;
            }
            // the event ends before the next is created: the VTN distributes one at a time
            clock.advance(Duration.ofHours(25));
            fillFleet(node, Instant.now());
        }
        return optIn;
    }

    /**
     * The VEN alone, no network: a distribute document of one new 24-interval event is read through
     * the validating codec, taken by the VEN's event book (fleet totals asked from the cluster,
     * targets, priority, decision) and answered with an oadrCreatedEvent written through the
     * validating codec.
     */
    private static long[] ownDecision(
            AggregatorNode node, ManualClock clock, int events, int warmup) throws Exception {
        OadrCodec codec = new OadrCodec();
        OadrEventMapper mapper = new OadrEventMapper();
        EventIntake intake =
                new EventIntake(
                        FleetView.of(node.fleet()), new EventDecider(), mapper, clock, e -> {});
        long[] nanos = new long[events];
        for (int i = -warmup; i < events; i++) {
            Instant start = clock.instant().plus(Duration.ofMinutes(1));
            byte[] distribute =
                    codec.write(
                            OadrMessages.payload(
                                    mapper.toDistributeEvent(
                                            "req-" + i,
                                            "BENCH_VTN",
                                            List.of(event("own-" + (i + warmup), start)),
                                            clock.instant())));
            long t0 = System.nanoTime();
            OadrDistributeEventType read =
                    OadrMessages.body(
                                    codec.readPayload(distribute).getOadrSignedObject(),
                                    OadrDistributeEventType.class)
                            .orElseThrow();
            EventIntake.Intake in = LoadSupport.await(intake.take("ven-bench", read));
            byte[] created =
                    codec.write(
                            OadrMessages.payload(
                                    CreatedEvents.of("ven-bench", "req-" + i, in.toAnswer())));
            long took = System.nanoTime() - t0;
            if (created.length == 0 || in.toAnswer().size() != 1) {
                throw new IllegalStateException("no answer for event " + i);
            }
            if (i >= 0) {
                nanos[i] = took;
            }
            intake.answered(in.toAnswer());
            clock.advance(Duration.ofHours(25));
            fillFleet(node, Instant.now());
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static GridEvent event(String id, Instant start) {
        List<SignalInterval> intervals = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            intervals.add(new SignalInterval(h, Duration.ofHours(1), -100 - h));
        }
        return new GridEvent(
                EventId.of(id),
                0,
                null,
                "http://market.example",
                1,
                start,
                EventStatus.FAR,
                false,
                ResponseRequired.ALWAYS,
                start,
                Duration.ofHours(24),
                null,
                null,
                null,
                null,
                List.of(
                        new EventSignal(
                                "ld",
                                SignalName.LOAD_DISPATCH,
                                null,
                                SignalType.DELTA,
                                "kW",
                                intervals)),
                new EventTargets(Set.of("ven-bench"), Set.of(), Set.of(), Set.of()));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * 100 sites with a 200 kW battery each: 20 MW of flexibility, filed as of {@code now} on the
     * node's own (system) clock; the VEN's manual clock only times the events.
     */
    private static void fillFleet(AggregatorNode node, Instant now) throws Exception {
        Origin origin = new Origin(Transport.MQTT, node.nodeId());
        for (int i = 0; i < 100; i++) {
            SiteId site = SiteId.of(LoadSupport.site(i));
            LoadSupport.await(
                    node.fleet()
                            .envelope(
                                    new FlexEnvelope(
                                            site,
                                            now,
                                            now.plus(Duration.ofDays(3650)),
                                            GridZone.of(i % 2 == 0 ? "DE" : "FR"),
                                            2000,
                                            0,
                                            List.of(
                                                    new Battery(
                                                            "ups",
                                                            200,
                                                            4000,
                                                            90,
                                                            20,
                                                            Duration.ofSeconds(1),
                                                            0.05))),
                                    origin));
        }
    }

    private static void createEvent(HttpClient http, String vtnUrl, String id, Instant now)
            throws Exception {
        JsonArray intervals = new JsonArray();
        for (int h = 0; h < 24; h++) {
            intervals.add(new JsonObject().put("duration", "PT1H").put("value", -100 - h));
        }
        JsonObject event =
                new JsonObject()
                        .put("eventId", id)
                        .put("venIds", new JsonArray().add("ven-bench"))
                        .put("start", now.plus(Duration.ofMinutes(1)).toString())
                        .put("priority", 1)
                        .put(
                                "signals",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("name", "LOAD_DISPATCH")
                                                        .put("type", "DELTA")
                                                        .put("unit", "kW")
                                                        .put("intervals", intervals)));
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
}
