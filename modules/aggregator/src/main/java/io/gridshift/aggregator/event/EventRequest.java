package io.gridshift.aggregator.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A grid event as the orchestration reads it from the cluster's event log ({@code
 * GridEventLog.json}): the kW to shed per interval of the randomized window, and the zones asked.
 *
 * @param id the event id
 * @param modification its modification number
 * @param dispatchable whether the fleet acts on it (opted in, not a test, not cancelled)
 * @param start the randomized start
 * @param end its end
 * @param rampFrom when ramping may begin
 * @param intervals the LOAD_DISPATCH signal's intervals (one of the whole window when none)
 * @param reductionKw kW to shed per interval (DELTA: -value; SETPOINT: load now - value; else the
 *     decision's requested kW)
 * @param zones the zones the event's groupIDs name; empty: the whole fleet
 */
public record EventRequest(
        String id,
        long modification,
        boolean dispatchable,
        Instant start,
        Instant end,
        Instant rampFrom,
        List<Duration> intervals,
        List<Double> reductionKw,
        Set<String> zones) {
    public EventRequest {
        intervals = List.copyOf(intervals);
        reductionKw = List.copyOf(reductionKw);
        zones = Set.copyOf(zones);
    }

    /**
     * @param logged the event as the log keeps it
     * @param loadKw the load of the part of the fleet addressed, for a SETPOINT
     */
    public static EventRequest of(JsonObject logged, double loadKw) {
        Instant start = Instant.parse(logged.getString("start"));
        Instant end = Instant.parse(logged.getString("end"));
        List<Duration> intervals = new ArrayList<>();
        List<Double> kw = new ArrayList<>();
        JsonArray signals = logged.getJsonArray("signals", new JsonArray());
        for (int i = 0; i < signals.size() && intervals.isEmpty(); i++) {
            JsonObject s = signals.getJsonObject(i);
            String type = s.getString("type");
            if (!"LOAD_DISPATCH".equals(s.getString("name"))
                    || !("DELTA".equals(type) || "SETPOINT".equals(type))) {
                continue;
            }
            double scale = scale(s.getString("unit"));
            for (Object o : s.getJsonArray("intervals")) {
                JsonObject in = (JsonObject) o;
                intervals.add(Duration.parse(in.getString("duration")));
                double v = in.getDouble("value") * scale;
                kw.add(Math.max(0, "DELTA".equals(type) ? -v : loadKw - v));
            }
        }
        if (intervals.isEmpty()) {
            intervals.add(Duration.between(start, end));
            kw.add(logged.getDouble("requestedKw", 0.0));
        }
        Set<String> zones = new LinkedHashSet<>();
        JsonObject targets = logged.getJsonObject("targets", new JsonObject());
        targets.getJsonArray("groupIds", new JsonArray())
                .forEach(g -> zones.add(g.toString().toUpperCase(Locale.ROOT)));
        return new EventRequest(
                logged.getString("eventId"),
                logged.getLong("modificationNumber", 0L),
                logged.getBoolean("dispatchable", false),
                start,
                end,
                Instant.parse(logged.getString("rampFrom", logged.getString("start"))),
                intervals,
                kw,
                zones);
    }

    private static double scale(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit) {
            case "W" -> 0.001;
            case "MW" -> 1_000;
            case "GW" -> 1_000_000;
            default -> 1;
        };
    }

    /** The interval {@code at} falls in; -1 before the start or after the end. */
    public int intervalAt(Instant at) {
        if (at.isBefore(start)) {
            return -1;
        }
        Instant a = start;
        for (int i = 0; i < intervals.size(); i++) {
            a = a.plus(intervals.get(i));
            if (at.isBefore(a)) {
                return i;
            }
        }
        return -1;
    }
}
