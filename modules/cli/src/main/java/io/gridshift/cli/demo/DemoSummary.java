package io.gridshift.cli.demo;

import io.gridshift.aggregator.fleet.FleetSummary;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The summary at the end of a demo: measured figures only; the zones' tariffs and carbon
 * intensities are the demo's assumptions, printed as such.
 */
final class DemoSummary {
    private final DemoOptions options;

    DemoSummary(DemoOptions options) {
        this.options = options;
    }

    void print(DemoResult r, PrintWriter out) {
        out.println();
        out.println("=== Gridshift demo: summary (every figure measured in this run) ===");
        out.printf(Locale.ROOT, "fleet: %d simulated data centers%n", r.sites());
        for (DemoZone z : DemoZone.ALL) {
            out.printf(
                    Locale.ROOT,
                    "  %-6s %-15s %-28s assumed %.2f CNY/kWh, %.2f kg CO2/kWh%n",
                    z.code(),
                    z.name(),
                    z.character(),
                    z.pricePerKwh(),
                    z.carbonKgPerKwh());
        }
        fleet("before the event", r.before(), out);
        fleet("during the event", r.during(), out);
        if (r.before() != null && r.during() != null) {
            out.printf(
                    Locale.ROOT,
                    "load change before -> during: %+.1f kW%n",
                    r.during().fleet().loadKw() - r.before().fleet().loadKw());
        }
        JsonObject e = r.gridEvent();
        if (e != null) {
            out.printf(
                    Locale.ROOT,
                    "event %s from the VTN: %.0f kW requested, %s to %s%n",
                    e.getString("eventId"),
                    e.getDouble("requestedKw"),
                    e.getString("start"),
                    e.getString("end"));
            out.printf(
                    Locale.ROOT,
                    "VEN decision: %s (%s)%n",
                    e.getString("opt"),
                    e.getString("reason"));
        }
        if (r.delivery() != null) {
            r.delivery().lines().forEach(out::println);
        } else if (e != null) {
            out.println("delivery: none, the VEN did not opt in");
        }
        out.println(
                r.dashboard() == null
                        ? "dashboard: not on the class path (build modules/dashboard)"
                        : "dashboard: " + r.dashboard());
        out.flush();
    }

    private static void fleet(String when, DemoSnapshot s, PrintWriter out) {
        if (s == null) {
            out.printf(Locale.ROOT, "%s: not measured%n", when);
            return;
        }
        FleetSummary f = s.fleet();
        out.printf(
                Locale.ROOT,
                "%s (%s): %d sites online, load %.1f kW, flexibility %.1f kW%n",
                when,
                s.at(),
                f.sitesOnline(),
                f.loadKw(),
                f.flexKw());
        f.flexByKind().entrySet().stream()
                .filter(k -> k.getValue() > 0)
                .forEach(
                        k ->
                                out.printf(
                                        Locale.ROOT,
                                        "    %-14s %8.1f kW%n",
                                        k.getKey().name(),
                                        k.getValue()));
        f.zones()
                .forEach(
                        (zone, z) ->
                                out.printf(
                                        Locale.ROOT,
                                        "    %-6s %2d sites  load %8.1f kW  flexibility %7.1f kW%n",
                                        zone,
                                        z.sitesOnline(),
                                        z.loadKw(),
                                        z.flexKw()));
    }
}
