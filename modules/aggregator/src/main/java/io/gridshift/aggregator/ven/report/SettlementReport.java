package io.gridshift.aggregator.ven.report;

import io.gridshift.openadr.event.OadrUnits;
import io.gridshift.openadr.event.PowerAttributes;
import io.gridshift.openadr.event.XcalTime;
import io.gridshift.storage.settlement.EventSettlement;
import io.gridshift.storage.settlement.IntervalResult;
import io.gridshift.storage.settlement.SiteSettlement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openadr.oadr20b.OadrReportDescriptionType;
import org.openadr.oadr20b.OadrReportPayloadType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.OadrSamplingRateType;
import org.openadr.oadr20b.ObjectFactory;
import org.openadr.oadr20b.ei.EiTargetType;
import org.openadr.oadr20b.ei.IntervalType;
import org.openadr.oadr20b.ei.PayloadFloatType;
import org.openadr.oadr20b.strm.Intervals;
import org.openadr.oadr20b.xcal.Dtstart;
import org.openadr.oadr20b.xcal.DurationPropType;
import org.openadr.oadr20b.xcal.Uid;

/**
 * An event's settlement as an OpenADR report: a {@code HISTORY_USAGE} report (registered as {@code
 * METADATA_HISTORY_USAGE}, specifier {@value #SPECIFIER}) over the event's active period, one
 * interval per settlement interval, carrying the fleet's baseline ({@value #R_BASELINE}, kW, report
 * type {@code baseline}), its metered load ({@value #R_ACTUAL}, kW, {@code demand}) and the energy
 * delivered ({@value #R_DELIVERED}, kWh, {@code deltaUsage}): the sums over the sites that settled
 * ({@code INSUFFICIENT_DATA} sites count nothing). The standard names keep it readable to any VTN;
 * the per-site figures stay in the ledger and the REST export. The report's {@code eiReportID} is
 * {@code settlement-<eventID>-<modificationNumber>}, so the VTN can tell which event it settles.
 */
public final class SettlementReport {
    public static final String SPECIFIER = "GRIDSHIFT_EVENT_SETTLEMENT";
    public static final String R_BASELINE = "settlement-baseline";
    public static final String R_ACTUAL = "settlement-actual";
    public static final String R_DELIVERED = "settlement-delivered";
    public static final List<String> R_IDS = List.of(R_BASELINE, R_ACTUAL, R_DELIVERED);
    static final String NAME = "HISTORY_USAGE";

    private static final ObjectFactory OADR = new ObjectFactory();
    private static final org.openadr.oadr20b.ei.ObjectFactory EI =
            new org.openadr.oadr20b.ei.ObjectFactory();
    private static final String GOOD = "Quality Good - Non Specific";

    /**
     * What is settled: the settlement and the event window it covers.
     *
     * @param settlement the ledger's settlement of the event
     * @param start the event's active period start
     * @param end its end
     * @param interval the program's settlement interval
     */
    public record Settled(
            EventSettlement settlement, Instant start, Instant end, Duration interval) {}

    private SettlementReport() {}

    /** The METADATA report that tells the VTN this VEN can send settlements. */
    static OadrReportType metadata(String resourceId, PowerAttributes grid, Instant now) {
        OadrReportType report = new OadrReportType();
        report.setEiReportID(UUID.randomUUID().toString());
        report.setReportRequestID("0");
        report.setReportSpecifierID(SPECIFIER);
        report.setReportName("METADATA_" + NAME);
        report.setCreatedDateTime(XcalTime.dateTime(now));
        report.getOadrReportDescription()
                .add(description(R_BASELINE, "baseline", "kW", "Derived", resourceId, grid));
        report.getOadrReportDescription()
                .add(description(R_ACTUAL, "demand", "kW", "Mean", resourceId, grid));
        report.getOadrReportDescription()
                .add(description(R_DELIVERED, "deltaUsage", "kWh", "Derived", resourceId, grid));
        return report;
    }

    private static OadrReportDescriptionType description(
            String rId,
            String type,
            String unit,
            String reading,
            String resourceId,
            PowerAttributes grid) {
        OadrReportDescriptionType d = new OadrReportDescriptionType();
        d.setRID(rId);
        EiTargetType source = new EiTargetType();
        source.getResourceID().add(resourceId);
        d.setReportDataSource(source);
        d.setReportType(type);
        d.setItemBase(OadrUnits.item(unit, grid));
        d.setReadingType(reading);
        // settlement intervals: a minute to an hour
        OadrSamplingRateType rate = new OadrSamplingRateType();
        rate.setOadrMinPeriod(XcalTime.text(Duration.ofMinutes(1)));
        rate.setOadrMaxPeriod(XcalTime.text(Duration.ofHours(1)));
        rate.setOadrOnChange(true);
        d.setOadrSamplingRate(rate);
        return d;
    }

    /** The data report for the VTN's request {@code reportRequestId}. */
    public static OadrReportType report(String reportRequestId, Settled s, Instant now) {
        EventSettlement settlement = s.settlement();
        OadrReportType report = new OadrReportType();
        report.setEiReportID(
                "settlement-"
                        + settlement.eventId().value()
                        + "-"
                        + settlement.modificationNumber());
        report.setReportRequestID(reportRequestId);
        report.setReportSpecifierID(SPECIFIER);
        report.setReportName(NAME);
        report.setCreatedDateTime(XcalTime.dateTime(now));
        report.setDtstart(dtstart(s.start()));
        report.setDuration(duration(Duration.between(s.start(), s.end())));
        Map<Instant, double[]> totals = totals(s);
        Intervals list = new Intervals();
        int uid = 0;
        for (Map.Entry<Instant, double[]> e : totals.entrySet()) {
            IntervalType interval = new IntervalType();
            interval.setDtstart(dtstart(e.getKey()));
            interval.setDuration(duration(s.interval()));
            Uid id = new Uid();
            id.setText(Integer.toString(uid++));
            interval.setUid(id);
            for (int i = 0; i < R_IDS.size(); i++) {
                OadrReportPayloadType payload = new OadrReportPayloadType();
                payload.setRID(R_IDS.get(i));
                payload.setOadrDataQuality(GOOD);
                PayloadFloatType f = new PayloadFloatType();
                f.setValue((float) e.getValue()[i]);
                payload.setPayloadBase(EI.createPayloadFloat(f));
                interval.getStreamPayloadBase().add(OADR.createOadrReportPayload(payload));
            }
            list.getInterval().add(interval);
        }
        report.setIntervals(list);
        return report;
    }

    /**
     * Baseline kW, actual kW and delivered kWh per interval of the event, summed over the settled
     * sites; zero where none settled.
     */
    static Map<Instant, double[]> totals(Settled s) {
        Map<Instant, double[]> totals = new LinkedHashMap<>();
        for (Instant t = s.start(); t.isBefore(s.end()); t = t.plus(s.interval())) {
            totals.put(t, new double[3]);
        }
        List<SiteSettlement> settled = new ArrayList<>();
        for (SiteSettlement site : s.settlement().sites()) {
            if (SiteSettlement.SETTLED.equals(site.status())) {
                settled.add(site);
            }
        }
        for (SiteSettlement site : settled) {
            for (IntervalResult r : site.intervals()) {
                double[] sum = totals.get(r.start());
                if (sum != null) {
                    sum[0] += r.baselineKw();
                    sum[1] += r.actualKw();
                    sum[2] += r.deliveredKwh();
                }
            }
        }
        return totals;
    }

    private static Dtstart dtstart(Instant at) {
        Dtstart d = new Dtstart();
        d.setDateTime(XcalTime.dateTime(at));
        return d;
    }

    private static DurationPropType duration(Duration d) {
        DurationPropType p = new DurationPropType();
        p.setDuration(XcalTime.text(d));
        return p;
    }
}
