package io.gridshift.aggregator.ven;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.SignalInterval;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's record of the grid events its VEN received: each one, latest modification and
 * decision, kept in the Hazelcast map {@value #MAP} (so that every node's API shows it) and
 * published on the clustered event bus at {@value #ADDRESS} for the allocation, as JSON ({@link
 * #json}).
 */
public final class GridEventLog implements Consumer<ReceivedEvent> {
    /** The Hazelcast map of events, by event id, as JSON text. */
    public static final String MAP = "gridshift.grid-events";

    /** The event-bus address every received or changed event is published at. */
    public static final String ADDRESS = "gridshift.grid-events";

    /**
     * The Hazelcast map of each dispatched event's delivery (commitment, allocation per site,
     * orders, measured reduction), by event id, as JSON text; written by the event's orchestrator.
     */
    public static final String DELIVERIES = "gridshift.event-deliveries";

    private static final Logger LOG = LoggerFactory.getLogger(GridEventLog.class);

    private final IMap<String, String> map;
    private final EventBus bus;
    private final IMap<String, String> deliveries;

    public GridEventLog(HazelcastInstance hz, EventBus bus) {
        this.map = hz.getMap(MAP);
        this.deliveries = hz.getMap(DELIVERIES);
        this.bus = bus;
    }

    @Override
    public void accept(ReceivedEvent event) {
        JsonObject json = json(event);
        // recorded before it is published: whoever hears of it can read it
        map.set(event.event().id().value(), json.encode());
        bus.publish(ADDRESS, json);
        LOG.debug("grid event {} recorded and published", event.event().id().value());
    }

    /** Every event recorded, latest first by start. */
    public List<JsonObject> all() {
        List<JsonObject> all = new ArrayList<>();
        map.values().forEach(text -> all.add(new JsonObject(text)));
        all.sort(
                Comparator.comparing((JsonObject j) -> j.getString("start"))
                        .reversed()
                        .thenComparing(j -> j.getString("eventId")));
        return all;
    }

    /** The delivery of a dispatched event; empty when it was never dispatched. Blocking. */
    public Optional<JsonObject> delivery(String eventId) {
        return Optional.ofNullable(deliveries.get(eventId)).map(JsonObject::new);
    }

    /**
     * What the events under way take off the fleet's load, from their deliveries' last closed-loop
     * samples; events completed or cancelled count for nothing. Blocking.
     */
    public DeliveryNow delivering() {
        int events = 0;
        double committed = 0;
        double delivered = 0;
        for (String text : deliveries.values()) {
            if (!text.contains("\"status\":\"ACTIVE\"")) {
                continue; // not parsed: most deliveries are over
            }
            JsonObject d = new JsonObject(text);
            JsonArray samples = d.getJsonArray("samples");
            if (!"ACTIVE".equals(d.getString("status")) || samples == null || samples.isEmpty()) {
                continue;
            }
            JsonObject last = samples.getJsonObject(samples.size() - 1);
            events++;
            committed += last.getDouble("commitmentKw", 0.0);
            delivered += last.getDouble("measuredKw", 0.0);
        }
        return new DeliveryNow(events, committed, delivered);
    }

    /** The JSON the log keeps and publishes for one event. */
    public static JsonObject json(ReceivedEvent r) {
        GridEvent e = r.event();
        JsonArray signals = new JsonArray();
        for (EventSignal s : e.signals()) {
            JsonArray intervals = new JsonArray();
            Instant at = r.window().start();
            for (SignalInterval i : s.intervals()) {
                intervals.add(
                        new JsonObject()
                                .put("start", at.toString())
                                .put("duration", i.duration().toString())
                                .put("value", i.value()));
                at = at.plus(i.duration());
            }
            signals.add(
                    new JsonObject()
                            .put("id", s.id())
                            .put("name", s.rawName() != null ? s.rawName() : s.name().name())
                            .put("type", s.type().name())
                            .put("unit", s.unit())
                            .put("intervals", intervals));
        }
        return new JsonObject()
                .put("eventId", e.id().value())
                .put("modificationNumber", e.modificationNumber())
                .put("status", e.status().name())
                .put("marketContext", e.marketContext())
                .put("priority", e.priority())
                .put("test", e.testEvent())
                .put("start", r.window().start().toString())
                .put("end", r.window().end().toString())
                .put("rampFrom", r.window().rampFrom().toString())
                .put("recoverUntil", r.window().recoverUntil().toString())
                .put("randomOffset", r.window().offset().toString())
                .put("opt", r.decision().opt().name())
                .put("reason", r.decision().reason())
                .put("requestedKw", r.decision().requestedKw())
                .put("dispatchable", r.dispatchable())
                .put("receivedAt", r.receivedAt().toString())
                .put(
                        "targets",
                        new JsonObject()
                                .put(
                                        "venIds",
                                        new JsonArray(
                                                List.copyOf(new TreeSet<>(e.targets().venIds()))))
                                .put(
                                        "resourceIds",
                                        new JsonArray(
                                                List.copyOf(
                                                        new TreeSet<>(e.targets().resourceIds()))))
                                .put(
                                        "groupIds",
                                        new JsonArray(
                                                List.copyOf(new TreeSet<>(e.targets().groupIds()))))
                                .put(
                                        "partyIds",
                                        new JsonArray(
                                                List.copyOf(
                                                        new TreeSet<>(e.targets().partyIds())))))
                .put("signals", signals);
    }
}
