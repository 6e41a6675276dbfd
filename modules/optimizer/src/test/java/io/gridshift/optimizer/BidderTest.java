package io.gridshift.optimizer;

import static io.gridshift.optimizer.Sites.NOW;
import static io.gridshift.optimizer.Sites.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.OnsiteGeneration;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BidderTest {
    private static final Horizon ONE_HOUR = Horizon.uniform(NOW, START, 1, Duration.ofHours(1));

    private static FleetSite genset(String id, double cost, Double... ratios) {
        FleetSite s =
                Sites.site(
                        id,
                        "DE",
                        1_000,
                        new OnsiteGeneration("g", 100, null, Duration.ZERO, cost, 0));
        return new FleetSite(s.envelope(), new DeliveryHistory(List.of(ratios)));
    }

    private static final List<FleetSite> TWO =
            List.of(genset("dc-a", 0.2, 1.0, 1.0, 1.0, 1.0), genset("dc-b", 0.5, 0.5, 1.0));

    @Test
    void firmQuantityKeepsOneSidedNormalQuantileBelowTheExpectedDelivery() {
        // GIVEN dc-a always delivered (mean 1, sd 0), dc-b half the time half (mean .75, sd .25),
        // each 100 kW, no prior, independent
        BidOptions o = new BidOptions(0.95, 0, BidOptions.Model.NORMAL, 0.8, 0.2, 0, 10);
        IntervalBid b = new Bidder().bid(TWO, ONE_HOUR, Set.of(), 0, 0, o).intervals().get(0);
        // THEN E = 100 + 75 = 175, sd = 0.25 x 100 = 25, firm = 175 - 1.6449 x 25 = 133.88
        assertThat(b.availableKw()).isCloseTo(200, within(1e-9));
        assertThat(b.expectedKw()).isCloseTo(175, within(1e-9));
        assertThat(b.sdKw()).isCloseTo(25, within(1e-9));
        assertThat(b.firmKw()).isCloseTo(133.88, within(0.01));
        // AND the curve: dc-a's 100 expected kW at 0.2, then all at 0.5, scaled by firm / E
        assertThat(b.curve())
                .hasSize(2)
                .satisfies(
                        c -> {
                            assertThat(c.get(0).pricePerKwh()).isEqualTo(0.2);
                            assertThat(c.get(0).kw()).isCloseTo(100 * 133.88 / 175, within(0.01));
                            assertThat(c.get(1).pricePerKwh()).isEqualTo(0.5);
                            assertThat(c.get(1).kw()).isCloseTo(133.88, within(0.01));
                        });
    }

    @Test
    void cantelliBoundIsMoreConservative() {
        BidOptions o = new BidOptions(0.95, 0, BidOptions.Model.CANTELLI, 0.8, 0.2, 0, 10);
        IntervalBid b = new Bidder().bid(TWO, ONE_HOUR, Set.of(), 0, 0, o).intervals().get(0);
        // k = sqrt(0.95 / 0.05) = 4.359: 175 - 4.359 x 25 = 66.03
        assertThat(b.firmKw()).isCloseTo(66.03, within(0.01));
    }

    @Test
    void correlationWidensTheSpreadAndPriorCoversSitesWithoutHistory() {
        // GIVEN two sites never dispatched: prior 0.8 +- 0.2 each, 100 kW each
        List<FleetSite> fresh = List.of(genset("dc-a", 0.2), genset("dc-b", 0.2));
        BidOptions indep = new BidOptions(0.95, 0, BidOptions.Model.NORMAL, 0.8, 0.2, 5, 10);
        BidOptions together = new BidOptions(0.95, 1, BidOptions.Model.NORMAL, 0.8, 0.2, 5, 10);
        IntervalBid i = new Bidder().bid(fresh, ONE_HOUR, Set.of(), 0, 0, indep).intervals().get(0);
        IntervalBid c =
                new Bidder().bid(fresh, ONE_HOUR, Set.of(), 0, 0, together).intervals().get(0);
        // THEN E = 160; sd = sqrt(2) x 20 = 28.28 independent, 40 fully correlated
        assertThat(i.expectedKw()).isCloseTo(160, within(1e-9));
        assertThat(i.sdKw()).isCloseTo(28.284, within(0.001));
        assertThat(c.sdKw()).isCloseTo(40, within(1e-9));
        assertThat(c.firmKw()).isCloseTo(160 - 1.6449 * 40, within(0.01));
    }

    @Test
    void normalQuantileMatchesTheTable() {
        assertThat(Stats.normalQuantile(0.95)).isCloseTo(1.6449, within(1e-4));
        assertThat(Stats.normalQuantile(0.5)).isCloseTo(0, within(1e-6));
        assertThat(Stats.normalQuantile(0.99)).isCloseTo(2.3263, within(1e-4));
    }

    @Test
    void badOptionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new BidOptions(1.0, 0, BidOptions.Model.NORMAL, 0.8, 0.2, 5, 10))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("confidence:");
        assertThatThrownBy(() -> new DeliveryHistory(List.of(0.9, -0.1)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("ratios[1]:");
    }
}
