package io.gridshift.optimizer.schedule;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The text table of a scenario's result: cost and emissions against run-at-arrival-at-origin. */
public final class ScenarioReport {
    private ScenarioReport() {}

    public static String format(Scenario s, Scenario.Result r) {
        StringBuilder b = new StringBuilder();
        SolverSummary sum = r.plan().summary();
        b.append(
                String.format(
                        Locale.ROOT,
                        "policy %s, window %s, carbon price %.0f/t, forecast %s, %d jobs, %d sites, %d slots of %s from %s%n",
                        s.options().policy(),
                        s.options().window(),
                        s.options().carbonPricePerTonne(),
                        r.forecastLabel(),
                        s.jobs().size(),
                        s.sites().size(),
                        s.grid().slots(),
                        s.grid().slot(),
                        s.grid().start()));
        b.append(
                String.format(
                        Locale.ROOT,
                        "plan v%d: %s, objective %.2f, lower bound %.2f, gap %.2f %%, %d ms, %d unplaced, %d migrated%n",
                        r.plan().version(),
                        sum.method(),
                        sum.objective(),
                        sum.lowerBound(),
                        100 * sum.gap(),
                        sum.millis(),
                        r.plan().unplaced().size(),
                        r.plan().assignments().stream().filter(JobAssignment::migrated).count()));
        b.append("scored on actuals, against run-at-arrival at origin\n");
        b.append(
                String.format(
                        Locale.ROOT,
                        "%-22s %6s %12s %12s %8s %14s %14s %8s%n",
                        "group",
                        "jobs",
                        "cost base",
                        "cost plan",
                        "cost %",
                        "kgCO2 base",
                        "kgCO2 plan",
                        "CO2 %"));
        row(b, "total", r.baseline().total(), r.planned().total());
        for (Map.Entry<?, Totals> e : new TreeMap<>(r.baseline().byOriginZone()).entrySet()) {
            row(b, "zone " + e.getKey(), e.getValue(), r.planned().byOriginZone().get(e.getKey()));
        }
        for (Map.Entry<String, Totals> e : new TreeMap<>(r.baseline().byClass()).entrySet()) {
            row(b, "class " + e.getKey(), e.getValue(), r.planned().byClass().get(e.getKey()));
        }
        b.append("energy run per zone (kWh, base -> plan):");
        for (var e : new TreeMap<>(r.baseline().byZone()).entrySet()) {
            Totals p = r.planned().byZone().get(e.getKey());
            b.append(
                    String.format(
                            Locale.ROOT,
                            " %s %.0f->%.0f",
                            e.getKey(),
                            e.getValue().energyKwh(),
                            p == null ? 0 : p.energyKwh()));
        }
        r.planned().byZone().keySet().stream()
                .filter(z -> !r.baseline().byZone().containsKey(z))
                .sorted()
                .forEach(
                        z ->
                                b.append(
                                        String.format(
                                                Locale.ROOT,
                                                " %s 0->%.0f",
                                                z,
                                                r.planned().byZone().get(z).energyKwh())));
        return b.append('\n').toString();
    }

    private static void row(StringBuilder b, String name, Totals base, Totals plan) {
        b.append(
                String.format(
                        Locale.ROOT,
                        "%-22s %6d %12.2f %12.2f %+8.2f %14.1f %14.1f %+8.2f%n",
                        name,
                        base.jobs(),
                        base.cost(),
                        plan.cost(),
                        pct(plan.cost(), base.cost()),
                        base.emissionsKg(),
                        plan.emissionsKg(),
                        pct(plan.emissionsKg(), base.emissionsKg())));
    }

    private static double pct(double plan, double base) {
        return base == 0 ? 0 : 100 * (plan - base) / Math.abs(base);
    }
}
