package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimFixtures.T0;
import static io.gridshift.agent.sim.SimFixtures.migrateIn;
import static io.gridshift.agent.sim.SimFixtures.migrateOut;
import static io.gridshift.agent.sim.SimFixtures.order;
import static io.gridshift.agent.sim.SimFixtures.reduce;
import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.MIG;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckReasonsTest {
    private static final Instant NOW = T0.plus(Duration.ofHours(14));

    private SimulatedDataCenter dc;
    private FlexEnvelope env;

    @BeforeEach
    void site() {
        dc = SimFixtures.site(41);
        env = dc.envelope(NOW, Duration.ofMinutes(5));
    }

    private FlexResource resource(String id) {
        return env.resource(id).orElseThrow();
    }

    private String reasonFor(DispatchOrder order) {
        return dc.check(order, NOW).orElseThrow(() -> new AssertionError("accepted: " + order));
    }

    @Test
    void acceptsWhatTheEnvelopeOffers() {
        // GIVEN every resource at what the envelope offers, for its duration
        for (String id : List.of(BATCH, TRAIN, UPS, CHW)) {
            FlexResource r = resource(id);
            Duration length =
                    r.maxDuration().compareTo(Duration.ofHours(2)) > 0
                            ? Duration.ofHours(2)
                            : r.maxDuration();
            // THEN the check finds nothing to object to
            assertThat(dc.check(order("d-" + id, NOW, length, reduce(id, r.maxReductionKw())), NOW))
                    .as(id)
                    .isEmpty();
        }
    }

    @Test
    void unknownResource() {
        assertThat(reasonFor(order("d-1", NOW, Duration.ofMinutes(30), reduce("flywheel", 10))))
                .isEqualTo("unknown resource 'flywheel'");
        // AND a site without a genset does not know 'gen'
        SimulatedDataCenter noGen = SimFixtures.site(SimFixtures.typical(41).withGenset(null));
        assertThat(noGen.check(order("d-2", NOW, Duration.ofMinutes(5), reduce("gen", 10)), NOW))
                .contains("unknown resource 'gen'");
    }

    @Test
    void reductionAboveWhatTheResourceCanGiveNow() {
        double max = resource(TRAIN).maxReductionKw();
        assertThat(reasonFor(order("d-1", NOW, Duration.ofMinutes(30), reduce(TRAIN, max + 50))))
                .startsWith("reduction of")
                .contains("'train'")
                .contains("above what it can give now");
        // AND two actions on the same resource count together
        assertThat(
                        reasonFor(
                                order(
                                        "d-2",
                                        NOW,
                                        Duration.ofMinutes(10),
                                        reduce(UPS, 1500),
                                        reduce(UPS, 1000))))
                .contains("'ups'")
                .contains("(2000 kW)");
    }

    @Test
    void anOrderAcceptedForLaterHoldsItsHeadroom() {
        // GIVEN 1.5 MW of battery promised for an hour from now
        Instant later = NOW.plus(Duration.ofHours(1));
        dc.apply(order("d-1", later, Duration.ofMinutes(30), reduce(UPS, 1500)), NOW);
        // THEN another 1 MW in an overlapping window does not fit the 2 MW inverter
        assertThat(reasonFor(order("d-2", later, Duration.ofMinutes(10), reduce(UPS, 1000))))
                .contains("(500 kW)");
        // AND the envelope offers only what is left
        assertThat(
                        dc.envelope(NOW, Duration.ofMinutes(5))
                                .resource(UPS)
                                .orElseThrow()
                                .maxReductionKw())
                .isEqualTo(500.0);
    }

    @Test
    void holdThatWouldBreakABatchDeadline() {
        // GIVEN all the batch offered, held longer than the least slack among those jobs
        FlexResource batch = resource(BATCH);
        Duration tooLong = batch.maxDuration().plus(Duration.ofMinutes(10));
        String reason =
                reasonFor(order("d-1", NOW, tooLong, reduce(BATCH, batch.maxReductionKw())));
        assertThat(reason).startsWith("holding").contains("would break a job deadline");
    }

    @Test
    void batteryBelowFloorOverTheWindow() {
        // GIVEN 2 MW for 2 h: 4,000 kWh when 2,000 kWh are above the floor
        assertThat(reasonFor(order("d-1", NOW, Duration.ofHours(2), reduce(UPS, 2000))))
                .isEqualTo(
                        "battery would fall below its 50 % floor before "
                                + NOW.plus(Duration.ofHours(2))
                                + ": needs 4000 kWh, has 2000 kWh above the floor");
    }

    @Test
    void thermalStoreTooSmallForTheWindow() {
        FlexResource chw = resource(CHW);
        Duration tooLong = chw.maxDuration().plus(Duration.ofMinutes(15));
        assertThat(reasonFor(order("d-1", NOW, tooLong, reduce(CHW, chw.maxReductionKw()))))
                .startsWith("chilled-water store too small for the window");
    }

    @Test
    void unknownOrAlreadyMigratedJob() {
        assertThat(reasonFor(order("d-1", NOW, Duration.ofHours(1), migrateOut("train-99-0", 200))))
                .isEqualTo("unknown job 'train-99-0' for MIGRATE_OUT");
        // GIVEN a job already moving out under another order
        String job = ((MigratableJobs) resource(MIG)).jobs().get(0).id();
        dc.apply(order("d-2", NOW, Duration.ofHours(1), migrateOut(job, 237)), NOW);
        assertThat(reasonFor(order("d-3", NOW, Duration.ofHours(1), migrateOut(job, 237))))
                .isEqualTo("job '" + job + "' is already migrated out");
        // AND 'mig' is not reduced, its jobs are moved
        assertThat(reasonFor(order("d-4", NOW, Duration.ofHours(1), reduce(MIG, 100))))
                .contains("MIGRATE_OUT");
    }

    @Test
    void migrateInBeyondHostingCapacity() {
        assertThat(reasonFor(order("d-1", NOW, Duration.ofHours(1), migrateIn("ext-1", 600))))
                .isEqualTo("MIGRATE_IN of 600 kW is beyond the hosting capacity left (500 kW)");
        // AND what is already reserved counts
        dc.apply(order("d-2", NOW, Duration.ofHours(1), migrateIn("ext-2", 300)), NOW);
        assertThat(reasonFor(order("d-3", NOW, Duration.ofHours(1), migrateIn("ext-3", 300))))
                .contains("(200 kW)");
    }

    @Test
    void wrongSiteOrWindowOver() {
        DispatchOrder elsewhere =
                new DispatchOrder(
                        DispatchId.of("d-1"),
                        1,
                        null,
                        SiteId.of("dc-other"),
                        NOW,
                        NOW,
                        NOW.plusSeconds(600),
                        List.of(reduce(UPS, 100)));
        assertThat(reasonFor(elsewhere))
                .isEqualTo("order is for site dc-other, this is site dc-sim-01");
        DispatchOrder past =
                order("d-2", NOW.minusSeconds(600), Duration.ofMinutes(5), reduce(UPS, 100));
        assertThat(reasonFor(past)).startsWith("window already over");
    }
}
