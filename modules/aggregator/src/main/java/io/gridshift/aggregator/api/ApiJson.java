package io.gridshift.aggregator.api;

import io.gridshift.aggregator.dispatch.DispatchView;
import io.gridshift.aggregator.fleet.Contribution;
import io.gridshift.aggregator.fleet.DeliveryQuality;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.SitePage;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.fleet.TelemetrySample;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.edge.codec.EdgeCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API's JSON, as {@code openapi.yaml} describes it. Envelopes, orders, acks and readings are
 * written by the edge codec, so the API shows them exactly as the protocol does.
 */
final class ApiJson {
    private static final EdgeCodec CODEC = EdgeCodec.json();

    private ApiJson() {}

    static JsonObject fleet(FleetSummary s) {
        JsonArray zones = new JsonArray();
        new TreeMap<>(s.zones())
                .forEach(
                        (zone, z) ->
                                zones.add(
                                        new JsonObject()
                                                .put("zone", zone)
                                                .put("sitesOnline", z.sitesOnline())
                                                .put("loadKw", z.loadKw())
                                                .put("flexKw", z.flexKw())
                                                .put("hostingKw", z.hostingKw())));
        return new JsonObject()
                .put("sitesKnown", s.sitesKnown())
                .put("sitesOnline", s.sitesOnline())
                .put("loadKw", s.loadKw())
                .put("itKw", s.itKw())
                .put("hostingKw", s.hostingKw())
                .put("flexKw", s.flexKw())
                .put("flexByKindKw", byKind(s.flexByKind()))
                .put("zones", zones);
    }

    private static JsonObject byKind(Map<ResourceKind, Double> kw) {
        JsonObject json = new JsonObject();
        for (ResourceKind k : ResourceKind.values()) {
            json.put(k.name(), kw.getOrDefault(k, 0.0));
        }
        return json;
    }

    static JsonObject sitePage(SitePage page, int offset, int limit) {
        JsonArray sites = new JsonArray();
        page.sites().forEach(v -> sites.add(site(v)));
        return new JsonObject()
                .put("total", page.total())
                .put("offset", offset)
                .put("limit", limit)
                .put("sites", sites);
    }

    static JsonObject site(SiteView v) {
        return new JsonObject()
                .put("site", v.site().value())
                .put("presence", v.presence().name())
                .put("lastSeen", text(v.lastSeen()))
                .put("transport", v.transport().name())
                .put("node", v.node())
                .put("agentVersion", v.agentVersion())
                .put("zone", v.zone())
                .put("latest", v.latest() == null ? null : edge(CODEC.encode(v.latest())))
                .put("envelope", v.envelope() == null ? null : edge(CODEC.encode(v.envelope())))
                .put("quality", quality(v.quality()))
                .put("counted", counted(v.counted()));
    }

    private static JsonObject quality(DeliveryQuality q) {
        return new JsonObject()
                .put("received", q.received())
                .put("duplicates", q.duplicates())
                .put("missing", q.missing())
                .put("late", q.late())
                .put("completeness", q.completeness());
    }

    private static JsonObject counted(Contribution c) {
        Map<ResourceKind, Double> kinds = new TreeMap<>();
        for (ResourceKind k : ResourceKind.values()) {
            kinds.put(k, c.flexKw()[k.ordinal()]);
        }
        return new JsonObject()
                .put("online", c.online())
                .put("zone", c.zone())
                .put("loadKw", c.loadKw())
                .put("itKw", c.itKw())
                .put("hostingKw", c.hostingKw())
                .put("flexKw", c.flexTotalKw())
                .put("flexByKindKw", byKind(kinds));
    }

    static JsonObject telemetry(String site, Instant since, List<TelemetrySample> samples) {
        JsonArray out = new JsonArray();
        for (TelemetrySample s : samples) {
            out.add(
                    new JsonObject()
                            .put("seq", s.seq())
                            .put("ts", text(s.ts()))
                            .put("facilityKw", s.facilityKw())
                            .put("itKw", s.itKw())
                            .put("gridImportKw", s.gridImportKw())
                            .put("onsiteGenKw", s.onsiteGenKw()));
        }
        return new JsonObject().put("site", site).put("since", text(since)).put("samples", out);
    }

    static JsonObject dispatches(List<DispatchView> views) {
        JsonArray out = new JsonArray();
        views.forEach(v -> out.add(dispatch(v)));
        return new JsonObject().put("dispatches", out);
    }

    static JsonObject dispatch(DispatchView v) {
        return new JsonObject()
                .put("id", v.order().id().value())
                .put("revision", v.order().revision())
                .put("site", v.order().site().value())
                .put("state", v.state().name())
                .put("transport", v.transport() == null ? null : v.transport().name())
                .put("attempts", v.attempts())
                .put("issuedAt", text(v.issuedAt()))
                .put("firstSentAt", text(v.firstSentAt()))
                .put("firstAckAt", text(v.firstAckAt()))
                .put("netReductionKw", v.order().netReductionKw())
                .put("order", edge(CODEC.encode(v.order())))
                .put("lastAck", v.lastAck() == null ? null : edge(CODEC.encode(v.lastAck())));
    }

    private static JsonObject edge(byte[] json) {
        return new JsonObject(Buffer.buffer(json));
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
