package io.gridshift.vtn.api;

import io.gridshift.vtn.opt.Opt;
import io.gridshift.vtn.report.RegisteredReport;
import io.gridshift.vtn.report.ReportDescription;
import io.gridshift.vtn.report.ReportPoint;
import io.gridshift.vtn.report.ReportRequest;
import io.gridshift.vtn.report.ReportStore;
import io.gridshift.vtn.ven.Ven;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/** VENs, opts and reports as the REST API shows them. */
final class RecordJson {
    private RecordJson() {}

    static JsonObject ven(Ven v) {
        return new JsonObject()
                .put("venId", v.venId())
                .put("registrationId", v.registrationId())
                .put("name", v.name())
                .put("profile", v.profile())
                .put("transport", v.transport())
                .put("pull", v.pull())
                .put("transportAddress", v.transportAddress())
                .put("reportOnly", v.reportOnly())
                .put("fingerprint", v.fingerprint())
                .put("registeredAt", v.registeredAt().toString());
    }

    static JsonObject opt(Opt o) {
        JsonArray windows = new JsonArray();
        for (Opt.Window w : o.windows()) {
            windows.add(
                    new JsonObject()
                            .put("start", w.start().toString())
                            .put("duration", w.duration().toString()));
        }
        return new JsonObject()
                .put("optId", o.optId())
                .put("venId", o.venId())
                .put("optType", o.optType())
                .put("optReason", o.optReason())
                .put("marketContext", o.marketContext())
                .put("eventId", o.eventId())
                .put("modificationNumber", o.modificationNumber())
                .put("windows", windows)
                .put(
                        "targets",
                        new JsonObject()
                                .put("venIds", sorted(o.venIds()))
                                .put("resourceIds", sorted(o.resourceIds()))
                                .put("groupIds", sorted(o.groupIds()))
                                .put("partyIds", sorted(o.partyIds())))
                .put("createdAt", o.createdAt() == null ? null : o.createdAt().toString())
                .put("receivedAt", o.receivedAt().toString())
                .put("cancelled", o.cancelled());
    }

    static JsonObject reports(ReportStore store, String venId) {
        JsonArray offered = new JsonArray();
        for (RegisteredReport r : store.registered(venId)) {
            JsonArray points = new JsonArray();
            for (ReportDescription d : r.descriptions()) {
                points.add(
                        new JsonObject()
                                .put("rId", d.rId())
                                .put("reportType", d.reportType())
                                .put("readingType", d.readingType())
                                .put("unit", d.unit())
                                .put("resourceId", d.resourceId())
                                .put("minPeriod", d.minPeriod())
                                .put("maxPeriod", d.maxPeriod()));
            }
            offered.add(
                    new JsonObject()
                            .put("reportSpecifierId", r.reportSpecifierId())
                            .put("reportName", r.reportName())
                            .put("descriptions", points));
        }
        JsonArray requests = new JsonArray();
        store.requests(venId).forEach(r -> requests.add(request(r)));
        JsonArray data = new JsonArray();
        for (ReportPoint p : store.points(venId)) {
            data.add(
                    new JsonObject()
                            .put("reportRequestId", p.reportRequestId())
                            .put("reportSpecifierId", p.reportSpecifierId())
                            .put("rId", p.rId())
                            .put("start", p.start() == null ? null : p.start().toString())
                            .put("duration", p.duration() == null ? null : p.duration().toString())
                            .put("value", p.value())
                            .put("status", p.status())
                            .put("receivedAt", p.receivedAt().toString()));
        }
        return new JsonObject().put("offered", offered).put("requests", requests).put("data", data);
    }

    static JsonObject request(ReportRequest r) {
        return new JsonObject()
                .put("reportRequestId", r.reportRequestId())
                .put("venId", r.venId())
                .put("reportSpecifierId", r.reportSpecifierId())
                .put("reportName", r.reportName())
                .put("rIds", new JsonArray(r.rIds()))
                .put("granularity", r.granularity().toString())
                .put("status", r.status().name())
                .put("requestedAt", r.requestedAt().toString());
    }

    private static JsonArray sorted(Set<String> ids) {
        return new JsonArray(ids.stream().sorted().toList());
    }
}
