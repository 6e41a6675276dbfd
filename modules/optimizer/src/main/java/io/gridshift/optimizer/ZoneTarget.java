package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import java.util.ArrayList;
import java.util.List;

/**
 * What an event asks of one zone: the grid-import reduction per interval, in kW.
 *
 * @param zone the zone
 * @param reductionKw kW to shed in each interval of the horizon, each at least 0
 */
public record ZoneTarget(GridZone zone, List<Double> reductionKw) {
    public ZoneTarget {
        Check.required("zone", zone);
        reductionKw = List.copyOf(Check.size("reductionKw", reductionKw, 1, Horizon.MAX_INTERVALS));
        for (int i = 0; i < reductionKw.size(); i++) {
            String f = "reductionKw[" + i + "]";
            Check.range(f, Check.required(f, reductionKw.get(i)), 0, 1e9);
        }
    }

    /**
     * A setpoint signal read as a reduction: the zone's load must go down to {@code setpointKw}
     * from {@code baselineKw}; a setpoint above the baseline asks for nothing.
     */
    public static ZoneTarget ofSetpoint(GridZone zone, List<Double> setpointKw, double baselineKw) {
        Check.powerKw("baselineKw", baselineKw);
        Check.size("setpointKw", setpointKw, 1, Horizon.MAX_INTERVALS);
        List<Double> kw = new ArrayList<>(setpointKw.size());
        for (int i = 0; i < setpointKw.size(); i++) {
            String f = "setpointKw[" + i + "]";
            double sp = Check.range(f, Check.required(f, setpointKw.get(i)), 0, 1e9);
            kw.add(Math.max(0, baselineKw - sp));
        }
        return new ZoneTarget(zone, kw);
    }
}
