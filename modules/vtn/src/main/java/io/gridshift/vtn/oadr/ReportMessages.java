package io.gridshift.vtn.oadr;

import io.gridshift.openadr.event.XcalTime;
import io.gridshift.vtn.report.RegisteredReport;
import io.gridshift.vtn.report.ReportDescription;
import io.gridshift.vtn.report.ReportPoint;
import io.gridshift.vtn.report.ReportRequest;
import jakarta.xml.bind.JAXBElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openadr.oadr20b.OadrLoadControlStateType;
import org.openadr.oadr20b.OadrLoadControlStateTypeType;
import org.openadr.oadr20b.OadrPayloadResourceStatusType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrReportDescriptionType;
import org.openadr.oadr20b.OadrReportRequestType;
import org.openadr.oadr20b.OadrReportType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.openadr.oadr20b.ei.IntervalType;
import org.openadr.oadr20b.ei.PayloadFloatType;
import org.openadr.oadr20b.ei.ReportPayloadType;
import org.openadr.oadr20b.ei.ReportSpecifierType;
import org.openadr.oadr20b.ei.SpecifierPayloadType;
import org.openadr.oadr20b.emix.ItemBaseType;
import org.openadr.oadr20b.xcal.DurationPropType;

/** EiReport messages to and from the VTN's report records. */
final class ReportMessages {
    private ReportMessages() {}

    static List<RegisteredReport> registered(OadrRegisterReportType r, Instant now) {
        List<RegisteredReport> reports = new ArrayList<>();
        for (OadrReportType report : r.getOadrReport()) {
            List<ReportDescription> descriptions = new ArrayList<>();
            for (OadrReportDescriptionType d : report.getOadrReportDescription()) {
                descriptions.add(
                        new ReportDescription(
                                d.getRID(),
                                d.getReportType(),
                                d.getReadingType(),
                                unit(d.getItemBase()),
                                d.getReportDataSource() == null
                                                || d.getReportDataSource().getResourceID().isEmpty()
                                        ? null
                                        : d.getReportDataSource().getResourceID().get(0),
                                d.getOadrSamplingRate() == null
                                        ? null
                                        : d.getOadrSamplingRate().getOadrMinPeriod(),
                                d.getOadrSamplingRate() == null
                                        ? null
                                        : d.getOadrSamplingRate().getOadrMaxPeriod()));
            }
            reports.add(
                    new RegisteredReport(
                            r.getVenID(),
                            report.getReportSpecifierID(),
                            report.getReportName(),
                            descriptions,
                            now));
        }
        return reports;
    }

    static OadrReportRequestType request(ReportRequest r) {
        ReportSpecifierType specifier = new ReportSpecifierType();
        specifier.setReportSpecifierID(r.reportSpecifierId());
        specifier.setGranularity(duration(r.granularity()));
        specifier.setReportBackDuration(duration(r.granularity()));
        for (String rId : r.rIds()) {
            SpecifierPayloadType payload = new SpecifierPayloadType();
            payload.setRID(rId);
            payload.setReadingType("x-notApplicable");
            specifier.getSpecifierPayload().add(payload);
        }
        OadrReportRequestType request = new OadrReportRequestType();
        request.setReportRequestID(r.reportRequestId());
        request.setReportSpecifier(specifier);
        return request;
    }

    /** Every interval of every report in the update, one point per data point. */
    static List<ReportPoint> points(OadrUpdateReportType u, Instant now) {
        List<ReportPoint> points = new ArrayList<>();
        for (OadrReportType report : u.getOadrReport()) {
            Instant reportStart =
                    report.getDtstart() == null
                            ? null
                            : XcalTime.instant("dtstart", report.getDtstart().getDateTime());
            if (report.getIntervals() == null) {
                continue;
            }
            for (IntervalType interval : report.getIntervals().getInterval()) {
                Instant start =
                        interval.getDtstart() == null
                                ? reportStart
                                : XcalTime.instant("dtstart", interval.getDtstart().getDateTime());
                Duration duration =
                        interval.getDuration() == null
                                ? null
                                : XcalTime.duration(
                                        "duration", interval.getDuration().getDuration());
                for (JAXBElement<?> e : interval.getStreamPayloadBase()) {
                    if (e.getValue() instanceof ReportPayloadType p) {
                        Object base =
                                p.getPayloadBase() == null ? null : p.getPayloadBase().getValue();
                        points.add(
                                new ReportPoint(
                                        u.getVenID(),
                                        report.getReportRequestID(),
                                        report.getReportSpecifierID(),
                                        p.getRID(),
                                        start,
                                        duration,
                                        value(base),
                                        status(base),
                                        now));
                    }
                }
            }
        }
        return points;
    }

    private static Double value(Object base) {
        if (base instanceof PayloadFloatType f) {
            return (double) f.getValue();
        }
        if (base instanceof OadrPayloadResourceStatusType s
                && s.getOadrLoadControlState() != null) {
            OadrLoadControlStateTypeType c = firstState(s.getOadrLoadControlState());
            return c == null ? null : (double) c.getOadrCurrent();
        }
        return null;
    }

    private static String status(Object base) {
        if (!(base instanceof OadrPayloadResourceStatusType s)) {
            return null;
        }
        return "online=" + s.isOadrOnline() + " manualOverride=" + s.isOadrManualOverride();
    }

    private static OadrLoadControlStateTypeType firstState(OadrLoadControlStateType s) {
        if (s.getOadrCapacity() != null) {
            return s.getOadrCapacity();
        }
        if (s.getOadrLevelOffset() != null) {
            return s.getOadrLevelOffset();
        }
        if (s.getOadrPercentOffset() != null) {
            return s.getOadrPercentOffset();
        }
        return s.getOadrSetPoint();
    }

    /** The units of an item (e.g. {@code kW}): its SI prefix and item units, where it has them. */
    private static String unit(JAXBElement<? extends ItemBaseType> item) {
        if (item == null || item.getValue() == null) {
            return null;
        }
        Object value = item.getValue();
        String units = call(value, "getItemUnits");
        if (units == null) {
            return item.getName().getLocalPart();
        }
        String scale = call(value, "getSiScaleCode");
        return (scale == null || "none".equals(scale) ? "" : scale) + units;
    }

    private static String call(Object target, String getter) {
        try {
            Method m = target.getClass().getMethod(getter);
            Object v = m.invoke(target);
            if (v instanceof Enum<?>) {
                // generated enums carry the schema's spelling in value()
                v = v.getClass().getMethod("value").invoke(v);
            }
            return v == null ? null : v.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static DurationPropType duration(Duration d) {
        DurationPropType p = new DurationPropType();
        p.setDuration(XcalTime.text(d));
        return p;
    }
}
