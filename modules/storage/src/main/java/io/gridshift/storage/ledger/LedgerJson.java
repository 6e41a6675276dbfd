package io.gridshift.storage.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger's JSON columns: an order's actions, an event's signals and targets. Written and read
 * with Jackson's streaming API; the records validate what is read back, as they do any input.
 */
final class LedgerJson {
    private static final JsonFactory JSON = new JsonFactory();

    private LedgerJson() {}

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private static String write(Writer w) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            w.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String actions(List<DispatchAction> actions) {
        return write(
                g -> {
                    g.writeStartArray();
                    for (DispatchAction a : actions) {
                        g.writeStartObject();
                        g.writeStringField("kind", a.kind().name());
                        if (a instanceof DispatchAction.Reduce r) {
                            g.writeStringField("resource", r.resource());
                            g.writeNumberField("kw", r.reductionKw());
                        } else if (a instanceof DispatchAction.MigrateOut m) {
                            g.writeStringField("job", m.job());
                            g.writeStringField("site", m.toSite().value());
                            g.writeNumberField("kw", m.jobKw());
                        } else if (a instanceof DispatchAction.MigrateIn m) {
                            g.writeStringField("job", m.job());
                            g.writeStringField("site", m.fromSite().value());
                            g.writeNumberField("kw", m.jobKw());
                        } else if (a instanceof DispatchAction.LimitRebound l) {
                            g.writeStringField("resource", l.resource());
                            g.writeNumberField("kw", 0);
                            g.writeNumberField("stepS", l.step().getSeconds());
                            g.writeArrayFieldStart("maxAddedKw");
                            for (double kw : l.maxAddedKw()) {
                                g.writeNumber(kw);
                            }
                            g.writeEndArray();
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                });
    }

    static List<DispatchAction> readActions(String json) {
        List<DispatchAction> out = new ArrayList<>();
        for (Map<String, Object> o : readObjects(json)) {
            String kind = (String) o.get("kind");
            double kw = ((Number) o.get("kw")).doubleValue();
            out.add(
                    switch (DispatchAction.Kind.valueOf(kind)) {
                        case REDUCE -> new DispatchAction.Reduce((String) o.get("resource"), kw);
                        case MIGRATE_OUT ->
                                new DispatchAction.MigrateOut(
                                        (String) o.get("job"),
                                        SiteId.of((String) o.get("site")),
                                        kw);
                        case MIGRATE_IN ->
                                new DispatchAction.MigrateIn(
                                        (String) o.get("job"),
                                        SiteId.of((String) o.get("site")),
                                        kw);
                        case LIMIT_REBOUND ->
                                new DispatchAction.LimitRebound(
                                        (String) o.get("resource"),
                                        Duration.ofSeconds(((Number) o.get("stepS")).longValue()),
                                        ((List<?>) o.get("maxAddedKw"))
                                                .stream()
                                                        .map(n -> ((Number) n).doubleValue())
                                                        .toList());
                    });
        }
        return out;
    }

    static String signals(List<EventSignal> signals) {
        return write(
                g -> {
                    g.writeStartArray();
                    for (EventSignal s : signals) {
                        g.writeStartObject();
                        g.writeStringField("id", s.id());
                        g.writeStringField("name", s.name().name());
                        g.writeStringField("rawName", s.rawName());
                        g.writeStringField("type", s.type().name());
                        g.writeStringField("unit", s.unit());
                        g.writeArrayFieldStart("intervals");
                        for (SignalInterval i : s.intervals()) {
                            g.writeStartArray();
                            g.writeNumber(i.uid());
                            g.writeNumber(i.duration().toMillis());
                            g.writeNumber(i.value());
                            g.writeEndArray();
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                });
    }

    @SuppressWarnings("unchecked")
    static List<EventSignal> readSignals(String json) {
        List<EventSignal> out = new ArrayList<>();
        for (Map<String, Object> o : readObjects(json)) {
            List<SignalInterval> intervals = new ArrayList<>();
            for (Object raw : (List<Object>) o.get("intervals")) {
                List<Object> i = (List<Object>) raw;
                intervals.add(
                        new SignalInterval(
                                ((Number) i.get(0)).intValue(),
                                Duration.ofMillis(((Number) i.get(1)).longValue()),
                                ((Number) i.get(2)).doubleValue()));
            }
            out.add(
                    new EventSignal(
                            (String) o.get("id"),
                            SignalName.valueOf((String) o.get("name")),
                            (String) o.get("rawName"),
                            SignalType.valueOf((String) o.get("type")),
                            (String) o.get("unit"),
                            intervals));
        }
        return out;
    }

    static String targets(EventTargets t) {
        return write(
                g -> {
                    g.writeStartObject();
                    stringArray(g, "venIds", t.venIds());
                    stringArray(g, "resourceIds", t.resourceIds());
                    stringArray(g, "groupIds", t.groupIds());
                    stringArray(g, "partyIds", t.partyIds());
                    g.writeEndObject();
                });
    }

    @SuppressWarnings("unchecked")
    static EventTargets readTargets(String json) {
        Map<String, Object> o = readObjects("[" + json + "]").get(0);
        return new EventTargets(
                new HashSet<>((List<String>) o.get("venIds")),
                new HashSet<>((List<String>) o.get("resourceIds")),
                new HashSet<>((List<String>) o.get("groupIds")),
                new HashSet<>((List<String>) o.get("partyIds")));
    }

    private static void stringArray(JsonGenerator g, String name, Set<String> values)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values.stream().sorted().toList()) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** An array of objects whose values are strings, numbers, null or nested arrays. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readObjects(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            Object value = readValue(p, p.nextToken());
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : (List<Object>) value) {
                out.add((Map<String, Object>) o);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("ledger JSON column unreadable", e);
        }
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    list.add(readValue(p, n));
                }
                return list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new HashMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, readValue(p, p.nextToken()));
                }
                return map;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }
}
