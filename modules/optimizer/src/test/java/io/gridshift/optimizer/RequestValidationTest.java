package io.gridshift.optimizer;

import static io.gridshift.optimizer.Sites.NOW;
import static io.gridshift.optimizer.Sites.START;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidationTest {
    private static final FleetSite A = Sites.site("dc-a", "DE", 100);

    private static void refused(Runnable r, String field) {
        assertThatThrownBy(r::run)
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith(field + ":");
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        Horizon two = Sites.quarterHours(2);
        List<ZoneTarget> t = List.of(Sites.target("DE", 1.0, 1.0));
        refused(() -> new AllocationRequest(List.of(A, A), two, t, 0, 0), "sites[1].site");
        refused(
                () ->
                        new AllocationRequest(
                                List.of(A), two, List.of(Sites.target("DE", 1.0)), 0, 0),
                "targets[0].reductionKw");
        refused(() -> new AllocationRequest(List.of(A), two, t, 0.95, 0), "reserveShare");
        refused(() -> new AllocationRequest(List.of(A), two, t, 0, Double.NaN), "carbonPricePerKg");
        refused(
                () -> new AllocationRequest(List.of(A), two, List.of(t.get(0), t.get(0)), 0, 0),
                "targets[1].zone");
        refused(() -> Sites.target("DE", 1.0, -5.0), "reductionKw[1]");
        refused(
                () -> new Horizon(NOW, START, List.of(Duration.ofMinutes(15), Duration.ZERO)),
                "intervals[1]");
        refused(
                () -> new SolverOptions(SolverOptions.Mode.LP, Duration.ofSeconds(-1)),
                "timeLimit");
        refused(() -> new ZoneMarket(GridZone.of("DE"), 0.1, -1), "carbonKgPerKwh");
        refused(() -> ZoneTarget.ofSetpoint(GridZone.of("DE"), List.of(10.0), -1), "baselineKw");
    }
}
