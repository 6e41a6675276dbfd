package io.gridshift.aggregator.ven.report;

import io.gridshift.openadr.event.XcalTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openadr.oadr20b.OadrLoadControlStateType;
import org.openadr.oadr20b.OadrLoadControlStateTypeType;
import org.openadr.oadr20b.OadrPayloadResourceStatusType;
import org.openadr.oadr20b.OadrReportPayloadType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.ObjectFactory;
import org.openadr.oadr20b.ei.IntervalType;
import org.openadr.oadr20b.ei.PayloadFloatType;
import org.openadr.oadr20b.strm.Intervals;
import org.openadr.oadr20b.xcal.Dtstart;
import org.openadr.oadr20b.xcal.DurationPropType;
import org.openadr.oadr20b.xcal.Uid;

/** Writes the data of one report request's intervals as an {@code oadrReport}. */
final class ReportWriter {
    private static final ObjectFactory OADR = new ObjectFactory();
    private static final org.openadr.oadr20b.ei.ObjectFactory EI =
            new org.openadr.oadr20b.ei.ObjectFactory();
    private static final String GOOD = "Quality Good - Non Specific";

    /**
     * One interval's figures.
     *
     * @param start its start
     * @param length its length
     * @param meanLoadKw the fleet's mean load over the samples in it
     * @param meanReductionKw the events' mean reduction over the samples in it
     * @param last the last sample in it (the status at its end)
     */
    record Interval(
            Instant start,
            Duration length,
            double meanLoadKw,
            double meanReductionKw,
            FleetSample last) {}

    private ReportWriter() {}

    static OadrReportType report(ReportRequest request, List<Interval> intervals, Instant now) {
        OadrReportType report = new OadrReportType();
        report.setEiReportID(UUID.randomUUID().toString());
        report.setReportRequestID(request.requestId());
        report.setReportSpecifierID(request.specifierId());
        report.setReportName(FleetReportCatalog.reportName(request.specifierId()));
        report.setCreatedDateTime(XcalTime.dateTime(now));
        Instant first = intervals.get(0).start();
        Interval last = intervals.get(intervals.size() - 1);
        report.setDtstart(dtstart(first));
        report.setDuration(duration(Duration.between(first, last.start().plus(last.length()))));
        Intervals list = new Intervals();
        for (int i = 0; i < intervals.size(); i++) {
            list.getInterval().add(interval(request, intervals.get(i), i));
        }
        report.setIntervals(list);
        return report;
    }

    private static IntervalType interval(ReportRequest request, Interval in, int uid) {
        IntervalType interval = new IntervalType();
        interval.setDtstart(dtstart(in.start()));
        interval.setDuration(duration(in.length()));
        Uid id = new Uid();
        id.setText(Integer.toString(uid));
        interval.setUid(id);
        for (String rId : request.rIds()) {
            FleetReportCatalog.Point point = FleetReportCatalog.point(rId).orElseThrow();
            OadrReportPayloadType payload = new OadrReportPayloadType();
            payload.setRID(rId);
            payload.setOadrDataQuality(GOOD);
            payload.setPayloadBase(
                    switch (point.kind()) {
                        case ENERGY -> EI.createPayloadFloat(value(energyKwh(in)));
                        case DEMAND -> EI.createPayloadFloat(value(in.meanLoadKw()));
                        case BASELINE ->
                                EI.createPayloadFloat(
                                        value(in.meanLoadKw() + in.meanReductionKw()));
                        case REDUCTION -> EI.createPayloadFloat(value(in.meanReductionKw()));
                        case STATUS -> OADR.createOadrPayloadResourceStatus(status(in.last()));
                    });
            interval.getStreamPayloadBase().add(OADR.createOadrReportPayload(payload));
        }
        return interval;
    }

    private static double energyKwh(Interval in) {
        return in.meanLoadKw() * in.length().toMillis() / 3_600_000.0;
    }

    /**
     * The fleet's load-control state: online, and its capacity now: the current load, the lowest
     * load it can reach with the flexibility it has, the normal load (its baseline: the current
     * load plus what the events under way take off it).
     */
    private static OadrPayloadResourceStatusType status(FleetSample s) {
        OadrPayloadResourceStatusType status = new OadrPayloadResourceStatusType();
        status.setOadrOnline(s.online());
        status.setOadrManualOverride(false);
        OadrLoadControlStateTypeType capacity = new OadrLoadControlStateTypeType();
        capacity.setOadrCurrent((float) s.loadKw());
        capacity.setOadrMin((float) Math.max(0, s.loadKw() - s.flexKw()));
        capacity.setOadrMax((float) s.loadKw());
        capacity.setOadrNormal((float) s.baselineKw());
        OadrLoadControlStateType state = new OadrLoadControlStateType();
        state.setOadrCapacity(capacity);
        status.setOadrLoadControlState(state);
        return status;
    }

    private static PayloadFloatType value(double v) {
        PayloadFloatType f = new PayloadFloatType();
        f.setValue((float) v);
        return f;
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
