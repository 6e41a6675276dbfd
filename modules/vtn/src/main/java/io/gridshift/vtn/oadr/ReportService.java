package io.gridshift.vtn.oadr;

import io.gridshift.openadr.event.XcalTime;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.vtn.report.RegisteredReport;
import io.gridshift.vtn.report.ReportPoint;
import io.gridshift.vtn.report.ReportRequest;
import io.gridshift.vtn.report.ReportStore;
import io.gridshift.vtn.ven.VenRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openadr.oadr20b.OadrCancelReportType;
import org.openadr.oadr20b.OadrCanceledReportType;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrCreatedReportType;
import org.openadr.oadr20b.OadrPendingReportsType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrRegisteredReportType;
import org.openadr.oadr20b.OadrReportRequestType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.openadr.oadr20b.OadrUpdatedReportType;

/**
 * EiReport. A VEN's {@code oadrRegisterReport} is recorded (its METADATA reports and their data
 * points) and answered with an {@code oadrRegisteredReport} that requests its TELEMETRY_USAGE and
 * TELEMETRY_STATUS reports at the configured granularity ({@link ReportRequests}); its {@code
 * oadrCreatedReport} confirms them, its {@code oadrUpdateReport} data is stored and answered with
 * {@code oadrUpdatedReport}, its {@code oadrCanceledReport} confirms a cancellation the VTN asked
 * for with {@code oadrCancelReport}. The VTN offers no reports of its own: a VEN's {@code
 * oadrCreateReport} is answered with 461 (report not supported), its {@code oadrCancelReport} with
 * nothing left pending.
 */
public final class ReportService implements OadrService {
    private final VenRegistry vens;
    private final ReportStore store;
    private final ReportRequests requests;
    private final Courier courier;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();

    public ReportService(
            VenRegistry vens,
            ReportStore store,
            ReportRequests requests,
            Courier courier,
            Clock clock) {
        this.vens = Objects.requireNonNull(vens, "vens");
        this.store = Objects.requireNonNull(store, "store");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.courier = Objects.requireNonNull(courier, "courier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Object> handle(Object message, Sender sender) {
        String venId = MessageVen.of(message);
        Object answer;
        if (message instanceof OadrRegisterReportType r) {
            answer = known(venId, r.getRequestID()).orElseGet(() -> registered(r));
        } else if (message instanceof OadrUpdateReportType u) {
            answer = known(venId, u.getRequestID()).orElseGet(() -> updated(u));
        } else if (message instanceof OadrCreatedReportType c) {
            answer = known(venId, null).orElseGet(() -> created(c));
        } else if (message instanceof OadrCanceledReportType c) {
            answer = known(venId, null).orElseGet(() -> canceled(c));
        } else if (message instanceof OadrCreateReportType c) {
            answer = known(venId, c.getRequestID()).orElseGet(() -> notOffered(c));
        } else if (message instanceof OadrCancelReportType c) {
            answer = known(venId, c.getRequestID()).orElseGet(() -> nothingToCancel(c));
        } else {
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    /** The 463 answer if the VEN is not registered. */
    private Optional<Object> known(String venId, String requestId) {
        return vens.find(venId).isPresent()
                ? Optional.empty()
                : Optional.of(Replies.notRegistered(requestId, venId));
    }

    private Object registered(OadrRegisterReportType r) {
        Instant now = clock.instant();
        List<RegisteredReport> offered = ReportMessages.registered(r, now);
        store.register(r.getVenID(), offered);
        OadrRegisteredReportType reply = new OadrRegisteredReportType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(r.getRequestID()));
        reply.setVenID(r.getVenID());
        for (ReportRequest request : requests.telemetry(r.getVenID(), offered, now)) {
            store.request(request);
            reply.getOadrReportRequest().add(ReportMessages.request(request));
        }
        return reply;
    }

    private Object updated(OadrUpdateReportType u) {
        List<ReportPoint> points = ReportMessages.points(u, clock.instant());
        Set<String> unknown = new HashSet<>();
        for (ReportPoint p : points) {
            Optional<ReportRequest> request = store.findRequest(p.reportRequestId());
            if (request.isEmpty() || !request.get().venId().equalsIgnoreCase(u.getVenID())) {
                unknown.add(p.reportRequestId());
            }
        }
        OadrUpdatedReportType reply = new OadrUpdatedReportType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setVenID(u.getVenID());
        if (unknown.isEmpty()) {
            store.add(u.getVenID(), points);
            reply.setEiResponse(Replies.ok(u.getRequestID()));
        } else {
            reply.setEiResponse(
                    Replies.eiResponse(
                            OadrResponseCode.INVALID_ID,
                            "no report was requested as " + unknown.stream().sorted().toList(),
                            u.getRequestID()));
        }
        return reply;
    }

    private Object created(OadrCreatedReportType c) {
        List<String> pending =
                c.getOadrPendingReports() == null
                        ? List.of()
                        : c.getOadrPendingReports().getReportRequestID();
        store.mark(c.getVenID(), pending, ReportRequest.Status.CREATED);
        return Replies.response(
                OadrResponseCode.OK, null, c.getEiResponse().getRequestID(), c.getVenID());
    }

    private Object canceled(OadrCanceledReportType c) {
        Set<String> stillPending =
                c.getOadrPendingReports() == null
                        ? Set.of()
                        : Set.copyOf(c.getOadrPendingReports().getReportRequestID());
        List<String> cancelled = new ArrayList<>();
        for (ReportRequest r : store.requests(c.getVenID())) {
            if (r.status() == ReportRequest.Status.CANCEL_REQUESTED
                    && !stillPending.contains(r.reportRequestId())) {
                cancelled.add(r.reportRequestId());
            }
        }
        store.mark(c.getVenID(), cancelled, ReportRequest.Status.CANCELLED);
        return Replies.response(
                OadrResponseCode.OK, null, c.getEiResponse().getRequestID(), c.getVenID());
    }

    private Object notOffered(OadrCreateReportType c) {
        OadrCreatedReportType reply = new OadrCreatedReportType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(
                Replies.eiResponse(
                        OadrResponseCode.REPORT_NOT_SUPPORTED,
                        "this VTN offers no reports",
                        c.getRequestID()));
        reply.setOadrPendingReports(new OadrPendingReportsType());
        reply.setVenID(c.getVenID());
        return reply;
    }

    private Object nothingToCancel(OadrCancelReportType c) {
        OadrCanceledReportType reply = new OadrCanceledReportType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(c.getRequestID()));
        reply.setOadrPendingReports(new OadrPendingReportsType());
        reply.setVenID(c.getVenID());
        return reply;
    }

    /**
     * Asks the VEN again for the telemetry it registered (an {@code oadrCreateReport}, pushed or
     * delivered on its next poll); the requests made, none if it registered no telemetry.
     */
    public List<ReportRequest> requestTelemetry(String venId) {
        Instant now = clock.instant();
        List<ReportRequest> made = requests.telemetry(venId, store.registered(venId), now);
        if (made.isEmpty()) {
            return made;
        }
        OadrCreateReportType create = new OadrCreateReportType();
        create.setSchemaVersion(Replies.SCHEMA_VERSION);
        create.setRequestID("create-report-" + ids.incrementAndGet());
        create.setVenID(venId);
        for (ReportRequest r : made) {
            store.request(r);
            OadrReportRequestType request = ReportMessages.request(r);
            create.getOadrReportRequest().add(request);
        }
        courier.send(venId, "EiReport", create);
        return made;
    }

    /** Asks the VEN to stop sending a report ({@code oadrCancelReport}); empty if unknown. */
    public Optional<ReportRequest> cancel(String reportRequestId) {
        Optional<ReportRequest> found = store.findRequest(reportRequestId);
        if (found.isEmpty() || found.get().status() == ReportRequest.Status.CANCELLED) {
            return found;
        }
        ReportRequest r = found.get();
        store.mark(r.venId(), List.of(reportRequestId), ReportRequest.Status.CANCEL_REQUESTED);
        OadrCancelReportType cancel = new OadrCancelReportType();
        cancel.setSchemaVersion(Replies.SCHEMA_VERSION);
        cancel.setRequestID("cancel-report-" + ids.incrementAndGet());
        cancel.getReportRequestID().add(reportRequestId);
        cancel.setReportToFollow(false);
        cancel.setVenID(r.venId());
        courier.send(r.venId(), "EiReport", cancel);
        return store.findRequest(reportRequestId);
    }

    static String text(Duration d) {
        return XcalTime.text(d);
    }
}
