package io.gridshift.vtn.api;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import io.gridshift.vtn.event.Events;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code POST /api/v1/events} body as a {@link GridEvent}:
 *
 * <pre>{@code
 * {"eventId": "optional", "venIds": ["ven-1"], "start": "2025-07-16T14:00:00Z",
 *  "resourceIds": [], "groupIds": [], "partyIds": [],
 *  "startAfter": "PT5M", "notification": "PT1H", "rampUp": "PT10M", "recovery": "PT15M",
 *  "priority": 1, "test": false, "responseRequired": "always", "marketContext": "optional",
 *  "signals": [{"name": "SIMPLE", "intervals": [{"duration": "PT1H", "value": 2}]},
 *              {"name": "LOAD_DISPATCH", "type": "DELTA", "unit": "kW",
 *               "intervals": [{"duration": "PT30M", "value": -250}]},
 *              {"name": "ELECTRICITY_PRICE", "type": "PRICE", "unit": "USD/kWh",
 *               "intervals": [{"duration": "PT1H", "value": 0.42}]}]}
 * }</pre>
 *
 * The event goes to the VENs in {@code venIds}; resource, group and party ids travel in its {@code
 * eiTarget} for the VENs to match. SIMPLE levels are 0 to 3; LOAD_DISPATCH needs type SETPOINT or
 * DELTA (unit kW unless given); ELECTRICITY_PRICE type PRICE (default), PRICE_RELATIVE or
 * PRICE_MULTIPLIER, unit a currency per kWh (USD/kWh unless given). The event lasts as long as its
 * longest signal. Errors are {@link InvalidFieldException}s.
 */
final class EventRequests {
    static final String DEFAULT_MARKET = "http://gridshift.io/market/default";

    private EventRequests() {}

    static GridEvent parse(JsonObject body, Instant now) {
        String id = string(body, "eventId", "evt-" + UUID.randomUUID());
        Set<String> venIds = venIds(body.getValue("venIds"));
        EventTargets targets =
                new EventTargets(
                        venIds,
                        ids(body, "resourceIds"),
                        ids(body, "groupIds"),
                        ids(body, "partyIds"));
        Instant start = instant(string(body, "start", null));
        List<EventSignal> signals = signals(array(body, "signals"));
        Duration duration =
                signals.stream().map(EventSignal::duration).max(Duration::compareTo).orElseThrow();
        ResponseRequired required =
                enumValue(
                        ResponseRequired.class,
                        "responseRequired",
                        string(body, "responseRequired", "always"));
        GridEvent event =
                new GridEvent(
                        EventId.of(id),
                        0,
                        null,
                        string(body, "marketContext", DEFAULT_MARKET),
                        number(body, "priority", 0).longValue(),
                        now,
                        EventStatus.FAR,
                        bool(body, "test"),
                        required,
                        start,
                        duration,
                        optionalDuration(body, "startAfter"),
                        optionalDuration(body, "notification"),
                        optionalDuration(body, "rampUp"),
                        optionalDuration(body, "recovery"),
                        signals,
                        targets);
        return Events.withStatus(event, event.statusAt(now));
    }

    private static List<EventSignal> signals(JsonArray list) {
        if (list.isEmpty()) {
            throw new InvalidFieldException("signals", "size", 0, "needs at least one signal");
        }
        List<EventSignal> signals = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                signals.add(signal(object(list.getValue(i), "signal"), i));
            } catch (InvalidFieldException e) {
                throw e.under("signals[" + i + "]");
            }
        }
        return signals;
    }

    private static EventSignal signal(JsonObject s, int index) {
        SignalName name = enumValue(SignalName.class, "name", string(s, "name", null));
        JsonArray list = array(s, "intervals");
        List<SignalInterval> intervals = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonObject interval = object(list.getValue(i), "intervals[" + i + "]");
            Duration duration = duration(string(interval, "duration", null));
            double value = number(interval, "value", null).doubleValue();
            if (name == SignalName.SIMPLE
                    && (value < 0 || value > 3 || value != Math.rint(value))) {
                throw new InvalidFieldException(
                        "intervals[" + i + "].value", "range", value, "must be a level 0 to 3");
            }
            intervals.add(new SignalInterval(i, duration, value));
        }
        return switch (name) {
            case SIMPLE ->
                    new EventSignal("sig-" + index, name, null, SignalType.LEVEL, null, intervals);
            case LOAD_DISPATCH -> {
                SignalType type = enumValue(SignalType.class, "type", string(s, "type", null));
                if (type != SignalType.SETPOINT && type != SignalType.DELTA) {
                    throw new InvalidFieldException(
                            "type", "enum", type, "must be SETPOINT or DELTA for LOAD_DISPATCH");
                }
                yield new EventSignal(
                        "sig-" + index, name, null, type, string(s, "unit", "kW"), intervals);
            }
            case ELECTRICITY_PRICE -> {
                SignalType type = enumValue(SignalType.class, "type", string(s, "type", "PRICE"));
                if (type != SignalType.PRICE
                        && type != SignalType.PRICE_RELATIVE
                        && type != SignalType.PRICE_MULTIPLIER) {
                    throw new InvalidFieldException(
                            "type",
                            "enum",
                            type,
                            "must be PRICE, PRICE_RELATIVE or PRICE_MULTIPLIER for"
                                    + " ELECTRICITY_PRICE");
                }
                yield new EventSignal(
                        "sig-" + index,
                        name,
                        null,
                        type,
                        type == SignalType.PRICE ? string(s, "unit", "USD/kWh") : null,
                        intervals);
            }
            default ->
                    throw new InvalidFieldException(
                            "name",
                            "enum",
                            name,
                            "must be SIMPLE, LOAD_DISPATCH or ELECTRICITY_PRICE");
        };
    }

    private static Set<String> venIds(Object value) {
        if (!(value instanceof JsonArray list) || list.isEmpty()) {
            throw new InvalidFieldException(
                    "venIds", "required", value, "needs at least one venID");
        }
        Set<String> ids = new HashSet<>();
        for (Object id : list) {
            if (!(id instanceof String s) || s.isBlank()) {
                throw new InvalidFieldException("venIds", "type", id, "must be venIDs (text)");
            }
            ids.add(s);
        }
        return ids;
    }

    private static Set<String> ids(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof JsonArray list)) {
            throw new InvalidFieldException(field, "type", value, "must be a list of ids");
        }
        Set<String> ids = new HashSet<>();
        for (Object id : list) {
            if (!(id instanceof String s) || s.isBlank()) {
                throw new InvalidFieldException(field, "type", id, "must be ids (text)");
            }
            ids.add(s);
        }
        return ids;
    }

    private static Duration optionalDuration(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidFieldException(field, "type", value, "must be an ISO-8601 duration");
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                throw new InvalidFieldException(field, "range", text, "must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field, "format", text, "must be an ISO-8601 duration", e);
        }
    }

    private static String string(JsonObject o, String field, String fallback) {
        Object value = o.getValue(field);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new InvalidFieldException(
                    field, value == null ? "required" : "type", value, "must be text");
        }
        return s;
    }

    private static Number number(JsonObject o, String field, Number fallback) {
        Object value = o.getValue(field);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (!(value instanceof Number n)) {
            throw new InvalidFieldException(
                    field, value == null ? "required" : "type", value, "must be a number");
        }
        return n;
    }

    private static boolean bool(JsonObject o, String field) {
        Object value = o.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidFieldException(field, "type", value, "must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    private static JsonArray array(JsonObject o, String field) {
        Object value = o.getValue(field);
        if (!(value instanceof JsonArray a)) {
            throw new InvalidFieldException(field, "required", value, "must be a list");
        }
        return a;
    }

    private static JsonObject object(Object value, String field) {
        if (!(value instanceof JsonObject o)) {
            throw new InvalidFieldException(field, "type", value, "must be an object");
        }
        return o;
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    "start", "format", text, "must be an ISO-8601 instant", e);
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    "duration", "format", text, "must be an ISO-8601 duration", e);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "enum", text, "is not a known value", e);
        }
    }
}
