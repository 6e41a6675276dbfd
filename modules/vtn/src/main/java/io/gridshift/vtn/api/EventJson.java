package io.gridshift.vtn.api;

import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.vtn.event.EventResponse;
import io.gridshift.vtn.event.StoredEvent;
import io.gridshift.vtn.event.VenEventState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A stored event as the REST API shows it, with each VEN's delivery and opt response. */
final class EventJson {
    private EventJson() {}

    static JsonObject of(StoredEvent stored, Instant now) {
        GridEvent e = stored.event();
        JsonArray signals = new JsonArray();
        for (EventSignal s : e.signals()) {
            JsonArray intervals = new JsonArray();
            for (SignalInterval i : s.intervals()) {
                intervals.add(
                        new JsonObject()
                                .put("duration", i.duration().toString())
                                .put("value", i.value()));
            }
            signals.add(
                    new JsonObject()
                            .put("id", s.id())
                            .put("name", s.name().name())
                            .put("type", s.type().name())
                            .put("unit", s.unit())
                            .put("intervals", intervals));
        }
        JsonArray vens = new JsonArray();
        for (VenEventState v : stored.vens()) {
            vens.add(ven(v, e.modificationNumber()));
        }
        JsonArray responses = new JsonArray();
        for (EventResponse r : stored.responses()) {
            responses.add(
                    new JsonObject()
                            .put("venId", r.venId())
                            .put("modificationNumber", r.modificationNumber())
                            .put("optType", r.opt() == OptType.OPT_IN ? "optIn" : "optOut")
                            .put("at", r.at().toString()));
        }
        return new JsonObject()
                .put("eventId", e.id().value())
                .put("modificationNumber", e.modificationNumber())
                .put("modificationReason", e.modificationReason())
                .put("modifiedAt", stored.modifiedAt().toString())
                .put("status", e.statusAt(now).name())
                .put("marketContext", e.marketContext())
                .put("priority", e.priority())
                .put("test", e.testEvent())
                .put("responseRequired", e.responseRequired().name().toLowerCase())
                .put("createdAt", e.createdAt().toString())
                .put("start", e.start().toString())
                .put("duration", e.duration().toString())
                .put("startAfter", e.startAfter().toString())
                .put("notification", e.notification().toString())
                .put("rampUp", e.rampUp().toString())
                .put("recovery", e.recovery().toString())
                .put("targets", targets(e))
                .put("signals", signals)
                .put("vens", vens)
                .put("responses", responses);
    }

    private static JsonObject targets(GridEvent e) {
        return new JsonObject()
                .put("venIds", sorted(e.targets().venIds()))
                .put("resourceIds", sorted(e.targets().resourceIds()))
                .put("groupIds", sorted(e.targets().groupIds()))
                .put("partyIds", sorted(e.targets().partyIds()));
    }

    private static JsonArray sorted(java.util.Set<String> ids) {
        return new JsonArray(ids.stream().sorted().toList());
    }

    private static JsonObject ven(VenEventState v, long current) {
        JsonObject json =
                new JsonObject()
                        .put("venId", v.venId())
                        .put(
                                "deliveredModificationNumber",
                                v.delivered() < 0 ? null : v.delivered())
                        .put("pending", v.acknowledged() < current);
        if (v.opt() != null) {
            json.put(
                    "response",
                    new JsonObject()
                            .put("optType", v.opt() == OptType.OPT_IN ? "optIn" : "optOut")
                            .put("modificationNumber", v.optModificationNumber())
                            .put("at", v.respondedAt().toString()));
        }
        return json;
    }
}
