package io.gridshift.aggregator.ven.report;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.openadr.event.XcalTime;
import io.gridshift.openadr.message.OadrResponseCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openadr.oadr20b.OadrReportRequestType;
import org.openadr.oadr20b.ei.ReportSpecifierType;
import org.openadr.oadr20b.ei.SpecifierPayloadType;
import org.openadr.oadr20b.xcal.DurationPropType;
import org.openadr.oadr20b.xcal.Properties;
import org.openadr.oadr20b.xcal.WsCalendarIntervalType;

/**
 * A VTN's request for one of the VEN's reports, as the VEN carries it out.
 *
 * @param requestId the VTN's {@code reportRequestID}
 * @param specifierId the report asked for ({@link FleetReportCatalog})
 * @param rIds the data points asked for, in the VTN's order
 * @param granularity the length of one interval; zero with a zero back duration for a one-shot
 * @param backDuration how often to send; zero: once, at once
 * @param start the first interval's start
 * @param end when reporting stops; {@code null}: until cancelled
 */
public record ReportRequest(
        String requestId,
        String specifierId,
        List<String> rIds,
        Duration granularity,
        Duration backDuration,
        Instant start,
        Instant end) {

    public ReportRequest {
        rIds = List.copyOf(rIds);
    }

    /** Whether the VTN wants one report at once rather than periodic ones. */
    public boolean oneShot() {
        return backDuration.isZero();
    }

    /**
     * The request {@code r}, checked against what this VEN offers.
     *
     * @param now when it arrived: the start of a request without a report interval
     * @throws ReportRefusal naming the field and the rule broken
     */
    public static ReportRequest of(OadrReportRequestType r, Instant now) {
        String id = r.getReportRequestID();
        if (id == null || id.isBlank()) {
            throw new ReportRefusal(
                    OadrResponseCode.INVALID_ID, "oadrReportRequest.reportRequestID is empty");
        }
        String where = "oadrReportRequest[" + id + "].reportSpecifier";
        ReportSpecifierType spec = r.getReportSpecifier();
        if (spec == null) {
            throw new ReportRefusal(OadrResponseCode.INVALID_DATA, where + " is missing");
        }
        String specifier = spec.getReportSpecifierID();
        if (!FleetReportCatalog.offers(specifier)) {
            throw new ReportRefusal(
                    OadrResponseCode.INVALID_ID,
                    where
                            + ".reportSpecifierID '"
                            + specifier
                            + "' is not a report this VEN registered (it offers "
                            + FleetReportCatalog.USAGE_SPECIFIER
                            + ", "
                            + FleetReportCatalog.STATUS_SPECIFIER
                            + ", "
                            + SettlementReport.SPECIFIER
                            + ")");
        }
        boolean settlement = SettlementReport.SPECIFIER.equals(specifier);
        List<String> rIds = new ArrayList<>();
        for (SpecifierPayloadType payload : spec.getSpecifierPayload()) {
            String rId = payload.getRID();
            Optional<FleetReportCatalog.Point> point = FleetReportCatalog.point(rId);
            boolean known =
                    settlement
                            ? SettlementReport.R_IDS.contains(rId)
                            : point.isPresent() && point.get().specifierId().equals(specifier);
            if (!known) {
                throw new ReportRefusal(
                        OadrResponseCode.INVALID_ID,
                        where + ".specifierPayload.rID '" + rId + "' is not in " + specifier);
            }
            if (!rIds.contains(rId)) {
                rIds.add(rId);
            }
        }
        if (rIds.isEmpty()) {
            throw new ReportRefusal(
                    OadrResponseCode.INVALID_DATA, where + ".specifierPayload names no rID");
        }
        Duration granularity = duration(spec.getGranularity(), where + ".granularity");
        Duration back = duration(spec.getReportBackDuration(), where + ".reportBackDuration");
        if (!settlement) {
            // a settlement is sent once per settled event, in the program's intervals
            checkPeriods(where, granularity, back);
        }
        Instant start = now;
        Instant end = null;
        WsCalendarIntervalType interval = spec.getReportInterval();
        if (interval != null && interval.getProperties() != null) {
            Properties p = interval.getProperties();
            if (p.getDtstart() != null && p.getDtstart().getDateTime() != null) {
                start =
                        XcalTime.instant(
                                where + ".reportInterval.dtstart", p.getDtstart().getDateTime());
            }
            Duration length = duration(p.getDuration(), where + ".reportInterval.duration");
            if (!length.isZero()) {
                end = start.plus(length);
            }
        }
        return new ReportRequest(id, specifier, rIds, granularity, back, start, end);
    }

    /** A periodic request's granularity must be one offered and no longer than its period. */
    private static void checkPeriods(String where, Duration granularity, Duration back) {
        if (back.isZero()) {
            return;
        }
        if (granularity.compareTo(FleetReportCatalog.MIN_PERIOD) < 0
                || granularity.compareTo(FleetReportCatalog.MAX_PERIOD) > 0) {
            throw new ReportRefusal(
                    OadrResponseCode.INVALID_DATA,
                    where
                            + ".granularity "
                            + XcalTime.text(granularity)
                            + " is outside the sampling rate offered ("
                            + XcalTime.text(FleetReportCatalog.MIN_PERIOD)
                            + " to "
                            + XcalTime.text(FleetReportCatalog.MAX_PERIOD)
                            + ")");
        }
        if (back.compareTo(granularity) < 0) {
            throw new ReportRefusal(
                    OadrResponseCode.INVALID_DATA,
                    where
                            + ".reportBackDuration "
                            + XcalTime.text(back)
                            + " is shorter than the granularity "
                            + XcalTime.text(granularity));
        }
    }

    private static Duration duration(DurationPropType prop, String field) {
        if (prop == null || prop.getDuration() == null) {
            return Duration.ZERO;
        }
        try {
            Duration d = XcalTime.duration(field, prop.getDuration());
            if (d.isNegative()) {
                throw new ReportRefusal(OadrResponseCode.INVALID_DATA, field + " is negative");
            }
            return d;
        } catch (InvalidFieldException e) {
            throw new ReportRefusal(OadrResponseCode.INVALID_DATA, field + " " + e.getMessage());
        }
    }
}
