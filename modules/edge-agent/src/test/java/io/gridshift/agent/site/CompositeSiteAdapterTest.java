package io.gridshift.agent.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.agent.gpu.FakeNvidiaSmi;
import io.gridshift.agent.gpu.GpuAdapterOptions;
import io.gridshift.agent.gpu.GpuPowerAdapter;
import io.gridshift.agent.gpu.NvidiaSmi;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedResources;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The simulated site as facility adapter plus the GPU adapter on recorded nvidia-smi output (the
 * constructed eight busy GPUs, {@link FakeNvidiaSmi}).
 */
class CompositeSiteAdapterTest {
    private static final SiteId SITE = SiteId.of("dc-sim-01");
    private static final GridZone ZONE = GridZone.of("DE");
    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    private static final Instant START = T0.plus(Duration.ofHours(14));
    private static final String BUSY = "constructed-query-gpu-8x-busy.csv";

    private final SimulatedDataCenter sim =
            new SimulatedDataCenter(SimulatedSiteOptions.typical(SITE, ZONE, 1), T0);
    private final FakeNvidiaSmi smi = new FakeNvidiaSmi(BUSY);
    private final GpuPowerAdapter gpu =
            new GpuPowerAdapter(
                    GpuAdapterOptions.defaults(SITE, ZONE).withAllowPowerLimit(true),
                    new NvidiaSmi(smi));
    private final CompositeSiteAdapter site = new CompositeSiteAdapter(List.of(sim, gpu));

    private static DispatchOrder order(String id, DispatchAction... actions) {
        return new DispatchOrder(
                DispatchId.of(id),
                1,
                null,
                SITE,
                START,
                START,
                START.plus(Duration.ofMinutes(30)),
                List.of(actions));
    }

    private static DispatchAction.Reduce ups(double kw) {
        return new DispatchAction.Reduce(SimulatedResources.UPS, kw);
    }

    private static DispatchAction.Reduce gpuCap(double kw) {
        return new DispatchAction.Reduce(GpuPowerAdapter.RESOURCE, kw);
    }

    @Test
    void theEnvelopeIsTheFacilitysWithEveryAdaptersResources() {
        // WHEN the combined envelope is computed
        FlexEnvelope combined = site.envelope(START, Duration.ofMinutes(5));
        FlexEnvelope facility = sim.envelope(START, Duration.ofMinutes(5));
        // THEN baseline, zone and hosting are the facility's, resources the union
        assertThat(combined.baselineKw()).isEqualTo(facility.baselineKw());
        assertThat(combined.hostingCapacityKw()).isEqualTo(facility.hostingCapacityKw());
        assertThat(combined.zone()).isEqualTo(ZONE);
        List<String> ids = combined.resources().stream().map(FlexResource::id).toList();
        assertThat(ids)
                .containsAll(facility.resources().stream().map(FlexResource::id).toList())
                .contains(GpuPowerAdapter.RESOURCE)
                .hasSize(facility.resources().size() + 1);
        // AND the reading is the facility adapter's
        assertThat(site.read(START)).isEqualTo(sim.read(START));
    }

    @Test
    void anOrderIsSplitByResourceAndRevertedOnBoth() {
        DispatchOrder order = order("d-both", ups(1500), gpuCap(1.0));
        // WHEN an order on both adapters is checked and applied
        assertThat(site.check(order, START)).isEmpty();
        site.apply(order, START);
        // THEN the GPUs got lower limits and the simulated site holds its part
        assertThat(smi.limitsSet()).isNotEmpty();
        Instant later = START.plus(Duration.ofMinutes(5));
        DispatchOrder simPart = order("d-both", ups(1500));
        assertThat(sim.achievedKw(simPart, later)).isPositive();
        assertThat(site.achievedKw(order, later))
                .isCloseTo(
                        sim.achievedKw(simPart, later)
                                + gpu.achievedKw(order("d-both", gpuCap(1.0)), later),
                        org.assertj.core.api.Assertions.within(1e-9));
        // WHEN reverted
        String before = smi.limitOf(0);
        site.revert(order, later);
        // THEN both let go: the limits are back and the simulator holds nothing
        assertThat(smi.limitOf(0)).isNotEqualTo(before);
        assertThat(sim.achievedKw(simPart, later.plusSeconds(60))).isZero();
        assertThat(site.achievedKw(order, later.plusSeconds(60))).isZero();
    }

    @Test
    void whenTheSecondAdapterFailsTheFirstIsReverted() {
        // GIVEN nvidia-smi refuses to set GPU 0's limit
        smi.failPl(0);
        DispatchOrder order = order("d-fail", ups(1500), gpuCap(2.0));
        // WHEN applied
        assertThatThrownBy(() -> site.apply(order, START))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("Insufficient Permissions");
        // THEN the simulated site's part was undone too: nothing is held
        assertThat(sim.achievedKw(order("d-fail", ups(1500)), START.plusSeconds(300))).isZero();
    }

    @Test
    void aRefusalByOneAdapterAppliesNothing() {
        // GIVEN more GPU power than the boards can give
        DispatchOrder order = order("d-much", ups(1500), gpuCap(50));
        assertThat(site.check(order, START))
                .hasValueSatisfying(why -> assertThat(why).contains("cannot cap"));
        assertThatThrownBy(() -> site.apply(order, START)).isInstanceOf(GridshiftException.class);
        assertThat(smi.limitsSet()).isEmpty();
        assertThat(sim.achievedKw(order("d-much", ups(1500)), START.plusSeconds(300))).isZero();
    }

    @Test
    void aReboundLimitGoesToTheAdapterOwningItsResource() {
        DispatchAction.LimitRebound upsLimit =
                new DispatchAction.LimitRebound(
                        SimulatedResources.UPS, Duration.ofMinutes(5), List.of(200.0));
        // GIVEN the battery discharged 1.5 MW for 30 min
        DispatchOrder discharge = order("d-ups", ups(1500));
        site.apply(discharge, START);
        Instant end = discharge.end();
        site.revert(discharge, end);
        // WHEN its recharge is limited to 200 kW through the composite
        DispatchOrder rebound =
                new DispatchOrder(
                        DispatchId.of("d-rb"),
                        1,
                        null,
                        SITE,
                        end,
                        end,
                        end.plus(Duration.ofMinutes(30)),
                        List.of(upsLimit));
        assertThat(site.check(rebound, end)).isEmpty();
        site.apply(rebound, end);
        // THEN the simulated site holds it: the battery draws 200 kW, not its 500 kW
        assertThat(sim.state(end.plusSeconds(60)).batteryKw()).isEqualTo(-200.0);
        assertThat(smi.limitsSet()).isEmpty();
        // AND a limit on the GPUs' cap is refused by the GPU adapter, which has no rebound
        DispatchOrder onGpu =
                order(
                        "d-gpu-rb",
                        new DispatchAction.LimitRebound(
                                GpuPowerAdapter.RESOURCE, Duration.ofMinutes(5), List.of(10.0)));
        assertThat(site.check(onGpu, START))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("gives nothing back after an event"));
    }

    @Test
    void revertAndAchievedOfAnOrderOnAResourceNotYetLearntReachEveryAdapter() {
        // GIVEN a fresh composite (a restarted agent: no envelope asked yet) and an order it
        // recovered from its store, on a resource none of its adapters is known to own yet
        CompositeSiteAdapter fresh = new CompositeSiteAdapter(List.of(sim, gpu));
        DispatchOrder recovered = order("d-recovered", ups(500));
        // THEN revert and achievedKw give every adapter the whole order instead of throwing
        fresh.revert(recovered, START);
        assertThat(fresh.achievedKw(recovered, START)).isZero();
    }

    @Test
    void aResourceNoAdapterHasIsRefused() {
        DispatchOrder order = order("d-x", new DispatchAction.Reduce("nope", 1));
        assertThat(site.check(order, START))
                .hasValueSatisfying(why -> assertThat(why).contains("unknown resource 'nope'"));
        assertThatThrownBy(() -> site.apply(order, START)).isInstanceOf(GridshiftException.class);
    }

    @Test
    void revertReachesEveryAdapterEvenWhenOneThrows() {
        // GIVEN an order held on both, and GPU 0's limit can no longer be set
        DispatchOrder order = order("d-rev", ups(1500), gpuCap(1.0));
        site.apply(order, START);
        smi.failPl(0);
        // WHEN reverted, THEN the failure is thrown but the simulator let go anyway
        assertThatThrownBy(() -> site.revert(order, START.plusSeconds(60)))
                .isInstanceOf(GridshiftException.class);
        assertThat(sim.achievedKw(order("d-rev", ups(1500)), START.plusSeconds(120))).isZero();
    }

    @Test
    void theSameResourceIdFromTwoAdaptersIsRefused() {
        SimulatedDataCenter other =
                new SimulatedDataCenter(SimulatedSiteOptions.typical(SITE, ZONE, 2), T0);
        CompositeSiteAdapter twice = new CompositeSiteAdapter(List.of(sim, other));
        assertThatThrownBy(() -> twice.envelope(START, Duration.ofMinutes(5)))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("must be unique across a site's adapters");
        assertThat(twice.check(order("d-dup", ups(100)), START))
                .hasValueSatisfying(why -> assertThat(why).contains("unique"));
    }
}
