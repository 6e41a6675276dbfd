package io.gridshift.storage.accuracy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The accuracy report as CSV (one line per method and site) and as JSON; NaN is written empty/null.
 */
public final class AccuracyExport {
    public static final String CSV_HEADER =
            "method,site_id,days_used,days_skipped,intervals,mean_actual_kw,rmse_kw,cv_rmse,"
                    + "bias_kw,bias";

    private static final JsonFactory JSON = new JsonFactory();

    private AccuracyExport() {}

    public static String csv(AccuracyReport report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (SiteAccuracy s : report.sites()) {
            out.append(s.method())
                    .append(',')
                    .append(s.site())
                    .append(',')
                    .append(s.daysUsed())
                    .append(',')
                    .append(s.daysSkipped())
                    .append(',')
                    .append(s.intervals())
                    .append(',')
                    .append(num(s.meanActualKw()))
                    .append(',')
                    .append(num(s.rmseKw()))
                    .append(',')
                    .append(num(s.cvRmse()))
                    .append(',')
                    .append(num(s.biasKw()))
                    .append(',')
                    .append(num(s.bias()))
                    .append('\n');
        }
        return out.toString();
    }

    public static String json(AccuracyReport report) {
        StringWriter out = new StringWriter();
        AccuracyRequest q = report.request();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("program", q.program());
            g.writeStringField("zone", q.zone().getId());
            g.writeStringField("interval", q.interval().toString());
            g.writeStringField("windowStart", q.windowStart().toString());
            g.writeStringField("windowEnd", q.windowEnd().toString());
            g.writeStringField("computedAt", report.computedAt().toString());
            g.writeArrayFieldStart("days");
            for (var d : report.days()) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sites");
            for (SiteAccuracy s : report.sites()) {
                g.writeStartObject();
                g.writeStringField("method", s.method());
                g.writeStringField("siteId", s.site().value());
                g.writeNumberField("daysUsed", s.daysUsed());
                g.writeNumberField("daysSkipped", s.daysSkipped());
                g.writeNumberField("intervals", s.intervals());
                field(g, "meanActualKw", s.meanActualKw());
                field(g, "rmseKw", s.rmseKw());
                field(g, "cvRmse", s.cvRmse());
                field(g, "biasKw", s.biasKw());
                field(g, "bias", s.bias());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void field(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, v);
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
