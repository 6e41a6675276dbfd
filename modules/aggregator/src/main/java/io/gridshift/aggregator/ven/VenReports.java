package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.cluster.Stages;
import io.gridshift.aggregator.ven.report.FleetReportCatalog;
import io.gridshift.aggregator.ven.report.FleetSample;
import io.gridshift.aggregator.ven.report.ReportSchedule;
import io.gridshift.aggregator.ven.report.SettlementReport;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.openadr.message.OadrResponseCode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.openadr.oadr20b.OadrCancelReportType;
import org.openadr.oadr20b.OadrCanceledReportType;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrCreatedReportType;
import org.openadr.oadr20b.OadrPendingReportsType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrRegisteredReportType;
import org.openadr.oadr20b.OadrReportRequestType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.openadr.oadr20b.OadrUpdatedReportType;
import org.openadr.oadr20b.ei.EiResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VEN's side of EiReport: registers the fleet's reports ({@link FleetReportCatalog}) with the
 * VTN once per registration, takes the VTN's report requests (in its {@code oadrRegisteredReport}
 * or an {@code oadrCreateReport}) and answers {@code oadrCreatedReport}, sends the data with {@code
 * oadrUpdateReport} as the requests fall due ({@link #tick()}), and stops a request on {@code
 * oadrCancelReport} (with {@code oadrCanceledReport}, and the data so far when asked). It answers a
 * VTN's own {@code oadrRegisterReport} with {@code oadrRegisteredReport}, requesting nothing.
 */
public final class VenReports {
    private static final Logger LOG = LoggerFactory.getLogger(VenReports.class);
    static final String EI_REPORT = "EiReport";
    private static final String SCHEMA_VERSION = "2.0b";

    private final VtnClient client;
    private final FleetReportCatalog catalog;
    private final FleetView fleet;
    private final Clock clock;
    private final ReportSchedule schedule = new ReportSchedule();
    private final AtomicReference<String> registeredFor = new AtomicReference<>();

    public VenReports(VtnClient client, FleetReportCatalog catalog, FleetView fleet, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the VTN has this VEN's METADATA reports for the registration in use. */
    public boolean registered(VenRegistration.Registration reg) {
        return reg.registrationId().equals(registeredFor.get());
    }

    /** The report requests carried out now, by reportRequestID. */
    public List<String> pending() {
        return schedule.pending();
    }

    /**
     * Registers the fleet's reports unless done already for this registration. A failure is logged
     * and tried again at the next call; it never stops the polls.
     */
    public CompletionStage<Void> ensureRegistered(VenRegistration.Registration reg) {
        if (reg.registrationId().equals(registeredFor.get())) {
            return CompletableFuture.completedFuture(null);
        }
        return register(reg)
                .handle(
                        (ok, error) -> {
                            if (error != null) {
                                LOG.warn(
                                        "registering the VEN's reports failed, tried again at the"
                                                + " next poll: {}",
                                        error.toString());
                            }
                            return null;
                        });
    }

    /** Sends the METADATA reports now and takes the requests the VTN answers with. */
    public CompletionStage<Void> register(VenRegistration.Registration reg) {
        OadrRegisterReportType register = catalog.registerReport(reg.venId(), clock.instant());
        return client.exchange(EI_REPORT, register, OadrRegisteredReportType.class)
                .thenCompose(
                        registered -> {
                            ok(registered.getEiResponse(), "oadrRegisterReport");
                            registeredFor.set(reg.registrationId());
                            LOG.info("VEN {} registered its reports", reg.venId());
                            if (registered.getOadrReportRequest().isEmpty()) {
                                return CompletableFuture.completedFuture(null);
                            }
                            return post(
                                    accept(reg, registered.getOadrReportRequest(), null),
                                    "oadrCreatedReport");
                        });
    }

    /** An {@code oadrCreateReport} from the VTN: take its requests, answer oadrCreatedReport. */
    public CompletionStage<Void> onCreateReport(
            VenRegistration.Registration reg, OadrCreateReportType create) {
        return post(createReport(reg, create), "oadrCreatedReport");
    }

    /** Takes the requests of an {@code oadrCreateReport}; the {@code oadrCreatedReport}. */
    VenAnswer createReport(VenRegistration.Registration reg, OadrCreateReportType create) {
        return accept(reg, create.getOadrReportRequest(), create.getRequestID());
    }

    private VenAnswer accept(
            VenRegistration.Registration reg,
            List<OadrReportRequestType> requests,
            String requestId) {
        ReportSchedule.Accepted accepted = schedule.accept(requests, clock.instant());
        if (accepted.code() != OadrResponseCode.OK) {
            LOG.warn("report requests refused: {}", accepted.description());
        }
        OadrCreatedReportType created = new OadrCreatedReportType();
        created.setSchemaVersion(SCHEMA_VERSION);
        created.setVenID(reg.venId());
        created.setEiResponse(accepted.code().response(requestId, accepted.description()));
        created.setOadrPendingReports(pendingReports());
        return new VenAnswer(
                created,
                () -> {
                    CompletionStage<Void> then =
                            accepted.metadataRequested()
                                    ? register(reg)
                                    : CompletableFuture.completedFuture(null);
                    // a one-shot request is due at once
                    return then.thenCompose(x -> tick(reg));
                });
    }

    /** An {@code oadrCancelReport}: stop the requests, answer oadrCanceledReport. */
    public CompletionStage<Void> onCancelReport(
            VenRegistration.Registration reg, OadrCancelReportType cancel) {
        return post(cancelReport(reg, cancel), "oadrCanceledReport");
    }

    /** Stops the requests; the {@code oadrCanceledReport}, then the last data if asked. */
    VenAnswer cancelReport(VenRegistration.Registration reg, OadrCancelReportType cancel) {
        List<OadrReportType> last =
                schedule.cancel(
                        cancel.getReportRequestID(), cancel.isReportToFollow(), clock.instant());
        OadrCanceledReportType canceled = new OadrCanceledReportType();
        canceled.setSchemaVersion(SCHEMA_VERSION);
        canceled.setVenID(reg.venId());
        canceled.setEiResponse(OadrResponseCode.OK.response(cancel.getRequestID(), null));
        canceled.setOadrPendingReports(pendingReports());
        return new VenAnswer(canceled, () -> send(reg, last));
    }

    /** A VTN's own {@code oadrRegisterReport}: acknowledged, nothing requested. */
    public CompletionStage<Void> onRegisterReport(
            VenRegistration.Registration reg, OadrRegisterReportType register) {
        return post(registerReportOfVtn(reg, register), "oadrRegisteredReport");
    }

    /** The {@code oadrRegisteredReport} to a VTN's own reports: it requests nothing. */
    VenAnswer registerReportOfVtn(
            VenRegistration.Registration reg, OadrRegisterReportType register) {
        OadrRegisteredReportType registered = new OadrRegisteredReportType();
        registered.setSchemaVersion(SCHEMA_VERSION);
        registered.setVenID(reg.venId());
        registered.setEiResponse(OadrResponseCode.OK.response(register.getRequestID(), null));
        return VenAnswer.of(registered);
    }

    /** An {@code oadrUpdateReport} from the VTN (its own data): acknowledged. */
    VenAnswer updateReportOfVtn(VenRegistration.Registration reg, OadrUpdateReportType update) {
        OadrUpdatedReportType updated = new OadrUpdatedReportType();
        updated.setSchemaVersion(SCHEMA_VERSION);
        updated.setVenID(reg.venId());
        updated.setEiResponse(OadrResponseCode.OK.response(update.getRequestID(), null));
        return VenAnswer.of(updated);
    }

    /** Posts a pulled message's answer to the VTN, then follows up. */
    private CompletionStage<Void> post(VenAnswer answer, String what) {
        return client.exchange(EI_REPORT, answer.reply(), OadrResponseType.class)
                .thenAccept(r -> ok(r.getEiResponse(), what))
                .thenCompose(x -> answer.followUp().get());
    }

    /**
     * Samples the fleet (and what the events under way take off it) when any request runs, and
     * sends the reports due now in one {@code oadrUpdateReport}. A delivery that cannot be read
     * counts as none: the telemetry still goes out.
     */
    public CompletionStage<Void> tick(VenRegistration.Registration reg) {
        if (schedule.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletionStage<DeliveryNow> delivering =
                fleet.delivering()
                        .exceptionally(
                                e -> {
                                    LOG.warn("events' delivery not read: {}", e.toString());
                                    return DeliveryNow.NONE;
                                });
        return Stages.settled(fleet.summary())
                .thenCombine(
                        delivering, (summary, now) -> FleetSample.of(clock.instant(), summary, now))
                .thenCompose(
                        sample -> {
                            schedule.record(sample);
                            return send(reg, schedule.due(clock.instant()));
                        });
    }

    /** Whether the VTN has asked for settlement reports (a standing request is in place). */
    public boolean settlementRequested() {
        return !schedule.settlementRequests().isEmpty();
    }

    /**
     * Sends an event's settlement ({@link SettlementReport}) to the VTN, one report per standing
     * request it made for it; nothing when it made none.
     */
    public CompletionStage<Void> settlement(
            VenRegistration.Registration reg, SettlementReport.Settled settled) {
        List<OadrReportType> reports = new ArrayList<>();
        for (String requestId : schedule.settlementRequests()) {
            reports.add(SettlementReport.report(requestId, settled, clock.instant()));
        }
        return send(reg, reports);
    }

    private CompletionStage<Void> send(
            VenRegistration.Registration reg, List<OadrReportType> reports) {
        if (reports.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        OadrUpdateReportType update = new OadrUpdateReportType();
        update.setSchemaVersion(SCHEMA_VERSION);
        update.setRequestID(UUID.randomUUID().toString());
        update.setVenID(reg.venId());
        update.getOadrReport().addAll(reports);
        return client.exchange(EI_REPORT, update, OadrUpdatedReportType.class)
                .thenCompose(
                        updated -> {
                            ok(updated.getEiResponse(), "oadrUpdateReport");
                            OadrCancelReportType cancel = updated.getOadrCancelReport();
                            return cancel == null
                                    ? CompletableFuture.<Void>completedFuture(null)
                                    : onCancelReport(reg, cancel);
                        });
    }

    private OadrPendingReportsType pendingReports() {
        OadrPendingReportsType pending = new OadrPendingReportsType();
        pending.getReportRequestID().addAll(schedule.pending());
        return pending;
    }

    private static void ok(EiResponseType response, String what) {
        if (response == null || !OadrResponseCode.OK.text().equals(response.getResponseCode())) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-report",
                    "VTN "
                            + EI_REPORT
                            + " refused "
                            + what
                            + (response == null
                                    ? ""
                                    : ": "
                                            + response.getResponseCode()
                                            + " "
                                            + response.getResponseDescription()));
        }
    }
}
