package io.gridshift.aggregator.api;

import io.gridshift.aggregator.green.GreenAccount;
import io.gridshift.aggregator.green.GreenHour;
import io.gridshift.aggregator.green.GreenTotals;
import io.gridshift.aggregator.green.SiteGreen;
import io.gridshift.optimizer.accounting.HourAccount;
import io.gridshift.optimizer.accounting.PeriodAccount;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * The live green-power account as JSON or CSV. A figure that needs data the hour lacks (meter or
 * carbon) is null (empty in CSV), never 0; location-based and market-based emissions are separate
 * fields, never added.
 */
final class GreenExport {
    static final String CSV_HEADER =
            "site_id,hour_utc,meter_minutes,carbon,consumption_kwh,green_supply_kwh,matched_kwh,"
                    + "cfe_share,grid_g_per_kwh,location_based_kg,market_based_kg";

    private GreenExport() {}

    static JsonObject json(GreenAccount a) {
        JsonArray fleetHours = new JsonArray();
        a.fleetHours().forEach(t -> fleetHours.add(totals(t).put("hour", t.account().from())));
        JsonArray sites = new JsonArray();
        for (SiteGreen s : a.sites()) {
            JsonArray hours = new JsonArray();
            s.hours().forEach(h -> hours.add(hour(h)));
            sites.add(
                    new JsonObject()
                            .put("siteId", s.site().value())
                            .put("zone", s.zone() == null ? null : s.zone().code())
                            .put("contractId", s.contractId())
                            .put("period", totals(s.period()))
                            .put("hours", hours));
        }
        return new JsonObject()
                .put("from", a.from())
                .put("to", a.to())
                .put(
                        "fleet",
                        new JsonObject().put("period", totals(a.fleet())).put("hours", fleetHours))
                .put("sites", sites);
    }

    private static JsonObject hour(GreenHour h) {
        HourAccount a = h.account();
        boolean m = h.metered();
        boolean c = h.accounted();
        return new JsonObject()
                .put("hour", h.hour())
                .put("meterMinutes", h.meterMinutes())
                .put("meter", m ? (h.meterMinutes() >= 60 ? "complete" : "partial") : "missing")
                .put("carbon", h.carbonKnown() ? "actual" : "missing")
                .put("consumptionKwh", m ? a.consumptionKwh() : null)
                .put("greenSupplyKwh", h.greenSupplyKwh())
                .put("matchedKwh", m ? a.matchedKwh() : null)
                .put("gridKwh", m ? a.gridKwh() : null)
                .put("cfeShare", m ? a.cfeShare() : null)
                .put("gridGPerKwh", h.carbonKnown() ? h.gridGPerKwh() : null)
                .put("locationBasedKg", c ? a.locationBasedKg() : null)
                .put("marketBasedKg", c ? a.marketBasedKg() : null);
    }

    private static JsonObject totals(GreenTotals t) {
        PeriodAccount p = t.account();
        boolean any = t.accounted() > 0;
        return new JsonObject()
                .put("hours", t.hours())
                .put("hoursAccounted", t.accounted())
                .put("hoursWithoutMeterData", t.withoutMeterData())
                .put("hoursWithoutCarbonData", t.withoutCarbonData())
                .put("meteredKwh", t.meteredKwh())
                .put("consumptionKwh", p.consumptionKwh())
                .put("greenSupplyKwh", p.greenSupplyKwh())
                .put("matchedKwh", p.matchedKwh())
                .put("gridKwh", p.gridKwh())
                .put("cfeShare", any ? p.cfeShare() : null)
                .put("annualMatchShare", any ? p.annualMatchShare() : null)
                .put("locationBasedKg", any ? p.locationBasedKg() : null)
                .put("marketBasedKg", any ? p.marketBasedKg() : null);
    }

    /**
     * One line per site and hour, then the site's period ({@code hour_utc} empty); the fleet's
     * lines last ({@code site_id} empty).
     */
    static String csv(GreenAccount a) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (SiteGreen s : a.sites()) {
            for (GreenHour h : s.hours()) {
                HourAccount x = h.account();
                boolean m = h.metered();
                boolean c = h.accounted();
                line(
                        out,
                        s.site().value(),
                        h.hour().toString(),
                        String.valueOf(h.meterMinutes()),
                        h.carbonKnown() ? "actual" : "missing",
                        m ? x.consumptionKwh() : Double.NaN,
                        h.greenSupplyKwh(),
                        m ? x.matchedKwh() : Double.NaN,
                        m ? x.cfeShare() : Double.NaN,
                        h.gridGPerKwh(),
                        c ? x.locationBasedKg() : Double.NaN,
                        c ? x.marketBasedKg() : Double.NaN);
            }
            totalsLine(out, s.site().value(), "", s.period());
        }
        for (GreenTotals t : a.fleetHours()) {
            totalsLine(out, "", t.account().from().toString(), t);
        }
        totalsLine(out, "", "", a.fleet());
        return out.toString();
    }

    private static void totalsLine(StringBuilder out, String site, String hour, GreenTotals t) {
        PeriodAccount p = t.account();
        boolean any = t.accounted() > 0;
        line(
                out,
                site,
                hour,
                "",
                "",
                p.consumptionKwh(),
                p.greenSupplyKwh(),
                p.matchedKwh(),
                any ? p.cfeShare() : Double.NaN,
                Double.NaN,
                any ? p.locationBasedKg() : Double.NaN,
                any ? p.marketBasedKg() : Double.NaN);
    }

    private static void line(
            StringBuilder out,
            String site,
            String hour,
            String minutes,
            String carbon,
            double... figures) {
        out.append(site).append(',').append(hour).append(',').append(minutes).append(',');
        out.append(carbon);
        for (double f : figures) {
            out.append(',').append(num(f));
        }
        out.append('\n');
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
