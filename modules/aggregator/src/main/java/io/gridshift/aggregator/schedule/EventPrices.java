package io.gridshift.aggregator.schedule;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ELECTRICITY_PRICE signals of a grid event as the VEN published it ({@code
 * gridshift.grid-events}): absolute prices (type PRICE) become price overlays of the zones the
 * event targets by group id. A price per kWh (the unit names kWh) is turned into per MWh; other
 * signal types (relative prices, multipliers) say nothing absolute and are left out.
 */
final class EventPrices {
    private EventPrices() {}

    /** The zones the event names as groups; empty when it names none that is a zone code. */
    static List<GridZone> zones(JsonObject event) {
        List<GridZone> zones = new ArrayList<>();
        JsonObject targets = event.getJsonObject("targets");
        JsonArray groups = targets == null ? null : targets.getJsonArray("groupIds");
        if (groups != null) {
            for (Object g : groups) {
                if (g instanceof String s) {
                    try {
                        zones.add(GridZone.of(s));
                    } catch (InvalidFieldException e) {
                        // a named site group, not a zone: no price for it here
                    }
                }
            }
        }
        return zones;
    }

    static List<SignalStore.PriceOverlay> prices(JsonObject event) {
        List<SignalStore.PriceOverlay> out = new ArrayList<>();
        JsonArray signals = event.getJsonArray("signals");
        if (signals == null || "CANCELLED".equals(event.getString("status"))) {
            return out;
        }
        String source = "openadr:" + event.getString("eventId");
        for (Object o : signals) {
            JsonObject s = (JsonObject) o;
            if (!"ELECTRICITY_PRICE".equals(s.getString("name"))
                    || !"PRICE".equals(s.getString("type"))) {
                continue;
            }
            String unit = s.getString("unit");
            double perMwh =
                    unit != null && unit.toLowerCase(Locale.ROOT).contains("kwh") ? 1000 : 1;
            for (Object i : s.getJsonArray("intervals", new JsonArray())) {
                JsonObject interval = (JsonObject) i;
                Instant start = Instant.parse(interval.getString("start"));
                Duration d = Duration.parse(interval.getString("duration"));
                double value = interval.getDouble("value") * perMwh;
                if (Double.isFinite(value) && !d.isNegative() && !d.isZero()) {
                    out.add(new SignalStore.PriceOverlay(start, start.plus(d), value, source));
                }
            }
        }
        return out;
    }
}
