package io.gridshift.aggregator.ven;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Events as the VTN's operators' REST API takes them ({@code POST /api/v1/events}). */
final class VtnEvents {
    private VtnEvents() {}

    /** One hour of LOAD_DISPATCH delta {@code deltaKw} for {@code venId}, priority 1. */
    static JsonObject loadDispatch(String id, String venId, String start, double deltaKw) {
        JsonObject interval = new JsonObject().put("duration", "PT1H").put("value", deltaKw);
        JsonObject signal =
                new JsonObject()
                        .put("name", "LOAD_DISPATCH")
                        .put("type", "DELTA")
                        .put("unit", "kW")
                        .put("intervals", new JsonArray().add(interval));
        return new JsonObject()
                .put("eventId", id)
                .put("venIds", new JsonArray().add(venId))
                .put("start", start)
                .put("priority", 1)
                .put("signals", new JsonArray().add(signal));
    }
}
