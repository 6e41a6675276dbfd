package io.gridshift.storage.settlement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * An event's settlement as CSV (one line per site and interval, what a spreadsheet wants) and as
 * JSON (sites with their totals and intervals): the bodies the REST API returns.
 */
public final class SettlementExport {
    /** The CSV header; one row per site and interval. */
    public static final String CSV_HEADER =
            "event_id,site_id,status,interval_start,baseline_kw,actual_kw,delivered_kwh,"
                    + "committed_kw,performance,capacity_payment,energy_payment,penalty,net_payment";

    private static final JsonFactory JSON = new JsonFactory();

    private SettlementExport() {}

    public static String csv(EventSettlement s) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (SiteSettlement site : s.sites()) {
            String totals =
                    num(site.committedKw())
                            + ','
                            + num(site.performance())
                            + ','
                            + num(site.capacityPayment())
                            + ','
                            + num(site.energyPayment())
                            + ','
                            + num(site.penalty())
                            + ','
                            + num(site.netPayment());
            String head =
                    quote(s.eventId().value()) + ',' + site.site() + ',' + site.status() + ',';
            if (site.intervals().isEmpty()) {
                out.append(head).append(",,,,").append(totals).append('\n');
            }
            for (IntervalResult i : site.intervals()) {
                out.append(head)
                        .append(i.start())
                        .append(',')
                        .append(num(i.baselineKw()))
                        .append(',')
                        .append(num(i.actualKw()))
                        .append(',')
                        .append(num(i.deliveredKwh()))
                        .append(',')
                        .append(totals)
                        .append('\n');
            }
        }
        return out.toString();
    }

    public static String json(EventSettlement s) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("eventId", s.eventId().value());
            g.writeNumberField("modificationNumber", s.modificationNumber());
            g.writeStringField("program", s.program());
            g.writeStringField("baselineMethod", s.baselineMethod());
            g.writeStringField("computedAt", s.computedAt().toString());
            g.writeNumberField("netPayment", s.netPayment());
            g.writeArrayFieldStart("sites");
            for (SiteSettlement site : s.sites()) {
                g.writeStartObject();
                g.writeStringField("siteId", site.site().value());
                g.writeStringField("status", site.status());
                if (site.note() != null) {
                    g.writeStringField("note", site.note());
                }
                g.writeNumberField("committedKw", site.committedKw());
                g.writeNumberField("baselineKwh", site.baselineKwh());
                g.writeNumberField("actualKwh", site.actualKwh());
                g.writeNumberField("deliveredKwh", site.deliveredKwh());
                g.writeNumberField("deliveredKw", site.deliveredKw());
                g.writeNumberField("performance", site.performance());
                g.writeNumberField("creditedKw", site.creditedKw());
                g.writeNumberField("capacityPayment", site.capacityPayment());
                g.writeNumberField("energyPayment", site.energyPayment());
                g.writeNumberField("penalty", site.penalty());
                g.writeNumberField("netPayment", site.netPayment());
                g.writeFieldName("intervals");
                writeIntervals(g, site.intervals());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String intervalsJson(List<IntervalResult> intervals) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeIntervals(g, intervals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeIntervals(JsonGenerator g, List<IntervalResult> intervals)
            throws IOException {
        g.writeStartArray();
        for (IntervalResult i : intervals) {
            g.writeStartObject();
            g.writeStringField("start", i.start().toString());
            g.writeNumberField("baselineKw", i.baselineKw());
            g.writeNumberField("actualKw", i.actualKw());
            g.writeNumberField("deliveredKwh", i.deliveredKwh());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Event ids are printable ASCII and may hold commas or quotes: quote when needed. */
    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
