package io.gridshift.cli.demo;

import io.gridshift.agent.sim.MigrationRecord;
import io.gridshift.agent.sim.SimulatedSiteState;
import io.gridshift.domain.dispatch.DispatchAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sites' own meters during the event: each simulated data center's grid import against the same
 * site without any order (its shadow, which the agent's baseline also comes from), and the IT load
 * it hosts for jobs that migrated in, summed per zone over the demo's steps. This is what the
 * demo's cost and carbon figures are computed from: energy measured at the sites, never the plan.
 */
final class EventMeter {
    private final Map<String, double[]> zones = new LinkedHashMap<>();

    EventMeter() {
        DemoZone.ALL.forEach(z -> zones.put(z.code(), new double[2]));
    }

    /** Reads every site at {@code now}; the reading stands for the {@code step} before it. */
    void sample(List<DemoFleet.Site> sites, Instant now, Duration step) {
        double hours = step.toMillis() / 3_600_000.0;
        for (DemoFleet.Site s : sites) {
            SimulatedSiteState actual = s.sim().state(now);
            SimulatedSiteState shadow = s.sim().baseline(now);
            double[] z = zones.get(s.zone().code());
            z[0] += (shadow.gridImportKw() - actual.gridImportKw()) * hours;
            z[1] += actual.hostedKw() * hours;
        }
    }

    /** Grid energy each zone did not draw (negative: drew more, e.g. hosting moved work), kWh. */
    Map<String, Double> savedKwhByZone() {
        Map<String, Double> out = new LinkedHashMap<>();
        zones.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** IT energy the zone's sites ran for jobs that migrated in, kWh. */
    double hostedKwh(String zone) {
        return zones.get(zone)[1];
    }

    /** The jobs the sites moved out between {@code from} and {@code to}, as they recorded them. */
    static List<MigrationRecord> movedOut(List<DemoFleet.Site> sites, Instant from, Instant to) {
        List<MigrationRecord> out = new ArrayList<>();
        for (DemoFleet.Site s : sites) {
            for (MigrationRecord m : s.sim().migrations()) {
                if (m.kind() == DispatchAction.Kind.MIGRATE_OUT
                        && !m.at().isBefore(from)
                        && !m.at().isAfter(to)) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
