package io.gridshift.optimizer;

import io.gridshift.domain.site.GridZone;
import java.util.List;

/**
 * A zone's outcome per interval. A shortfall means the target exceeds what the zone's sites can
 * shed with the reserve kept: the allocation then sheds all it can and says how much is missing.
 *
 * @param zone the zone
 * @param targetKw asked per interval
 * @param allocatedKw allocated per interval
 * @param shortfallKw target not covered per interval
 */
public record ZoneResult(
        GridZone zone, List<Double> targetKw, List<Double> allocatedKw, List<Double> shortfallKw) {
    public ZoneResult {
        targetKw = List.copyOf(targetKw);
        allocatedKw = List.copyOf(allocatedKw);
        shortfallKw = List.copyOf(shortfallKw);
    }

    public boolean isShort() {
        return shortfallKw.stream().anyMatch(kw -> kw > 1e-6);
    }
}
