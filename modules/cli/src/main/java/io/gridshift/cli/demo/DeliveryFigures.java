package io.gridshift.cli.demo;

import io.gridshift.agent.sim.MigrationRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the fleet delivered the event, every figure measured: the orchestrator's closed-loop samples
 * (the kW the agents' acks reported achieved, and the sites' meters against their baselines, each
 * loop step of the event) and the sites' own meters ({@link EventMeter}); the plan's cost is shown
 * beside them for comparison only.
 *
 * @param status the delivery's status at the end (COMPLETED once the event is over)
 * @param loopSteps closed-loop steps inside the event's window
 * @param committedKw the commitment, mean over the loop steps
 * @param deliveredKw the reduction the agents' acks reported, mean over the loop steps
 * @param meterKw the reduction by the meters (baseline less grid import), mean over the steps
 * @param committedKwh the commitment's energy over the event
 * @param deliveredKwh the acknowledged reduction's energy over the event
 * @param jobsMigrated jobs the sites in the event's zones moved out during the event
 * @param migratedKw the IT load of those jobs
 * @param hostedKwh IT energy the other zones ran for them
 * @param savedKwhByZone grid energy each zone did not draw against its sites' baselines
 * @param billSavedCny that energy at the zones' assumed tariffs
 * @param carbonSavedKg that energy at the zones' assumed grid intensities
 * @param planCost the allocation's own cost estimate (the plan's, not measured)
 * @param rebound the rebound's orders as sent ({@code rebound.dispatched} of the delivery); empty
 *     when none went out
 */
public record DeliveryFigures(
        String status,
        int loopSteps,
        double committedKw,
        double deliveredKw,
        double meterKw,
        double committedKwh,
        double deliveredKwh,
        int jobsMigrated,
        double migratedKw,
        double hostedKwh,
        Map<String, Double> savedKwhByZone,
        double billSavedCny,
        double carbonSavedKg,
        double planCost,
        JsonObject rebound) {

    /** The acknowledged reduction as a share of the commitment; 0 without a commitment. */
    public double deliveredShare() {
        return committedKw > 0 ? deliveredKw / committedKw : 0;
    }

    /**
     * @param d the orchestrator's delivery record at the end
     * @param period the closed loop's period (each sample stands for one)
     */
    static DeliveryFigures of(
            JsonObject d,
            Instant start,
            Instant end,
            Duration period,
            EventMeter meter,
            List<MigrationRecord> movedOut) {
        double committed = 0;
        double delivered = 0;
        double metered = 0;
        int n = 0;
        for (Object o : d.getJsonArray("samples", new JsonArray())) {
            JsonObject s = (JsonObject) o;
            Instant at = Instant.parse(s.getString("at"));
            if (at.isBefore(start) || !at.isBefore(end)) {
                continue;
            }
            committed += s.getDouble("commitmentKw", 0.0);
            delivered += s.getDouble("measuredKw", 0.0);
            metered += s.getDouble("meterKw", 0.0);
            n++;
        }
        double hours = period.toMillis() / 3_600_000.0;
        Map<String, Double> saved = meter.savedKwhByZone();
        double bill = 0;
        double carbon = 0;
        double hosted = 0;
        for (DemoZone z : DemoZone.ALL) {
            bill += saved.get(z.code()) * z.pricePerKwh();
            carbon += saved.get(z.code()) * z.carbonKgPerKwh();
            if (!DemoZone.EVENT_ZONES.contains(z.code())) {
                hosted += meter.hostedKwh(z.code());
            }
        }
        return new DeliveryFigures(
                d.getString("status", "?"),
                n,
                n == 0 ? 0 : committed / n,
                n == 0 ? 0 : delivered / n,
                n == 0 ? 0 : metered / n,
                committed * hours,
                delivered * hours,
                (int) movedOut.stream().map(MigrationRecord::job).distinct().count(),
                movedOut.stream().mapToDouble(MigrationRecord::kw).sum(),
                hosted,
                saved,
                bill,
                carbon,
                d.getDouble("cost", 0.0),
                d.getJsonObject("rebound", new JsonObject())
                        .getJsonObject("dispatched", new JsonObject()));
    }

    /** The summary's lines. */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(
                f(
                        "delivery (%s): committed %.0f kW, delivered %.0f kW by the agents' acks"
                                + " (%.0f %%), %.0f kW by the sites' meters against their"
                                + " baselines; mean of %d closed-loop steps",
                        status,
                        committedKw,
                        deliveredKw,
                        100 * deliveredShare(),
                        meterKw,
                        loopSteps));
        out.add(
                f(
                        "  energy over the event: committed %.0f kWh, delivered %.0f kWh",
                        committedKwh, deliveredKwh));
        out.add(
                f(
                        "  migrated work: %d training jobs (%.0f kW of IT load) left %s; the other"
                                + " zones ran %.0f kWh of it",
                        jobsMigrated,
                        migratedKw,
                        String.join(" and ", DemoZone.EVENT_ZONES),
                        hostedKwh));
        StringBuilder zones =
                new StringBuilder("  grid energy not drawn, by zone (sites' meters):");
        savedKwhByZone.forEach((z, kwh) -> zones.append(f(" %s %+.0f kWh", z, kwh)));
        out.add(zones.toString());
        out.add(
                f(
                        "  cost: %.0f CNY less on the energy bill at the zones' tariffs (the"
                                + " allocation's own estimate of the flexibility's cost: %.0f)",
                        billSavedCny, planCost));
        out.add(f("  carbon: %.0f kg CO2 avoided at the zones' grid intensities", carbonSavedKg));
        if (rebound.containsKey("orders")) {
            out.add(
                    f(
                            "  rebound: LIMIT_REBOUND orders to %d sites from %s, %.0f kWh owed,"
                                    + " back within %d steps of %s at most %.0f kW above the"
                                    + " fleet's baseline (peak ratio %.3f)",
                            rebound.getInteger("orders"),
                            rebound.getString("from"),
                            rebound.getDouble("owedKwh"),
                            rebound.getInteger("intervalsUsed"),
                            rebound.getString("interval"),
                            rebound.getDouble("headroomKw"),
                            rebound.getDouble("peakRatio")));
        }
        return out;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
