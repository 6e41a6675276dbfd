package io.gridshift.agent.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU adapter against nvidia-smi output. {@link FakeNvidiaSmi} stands in for the binary, which
 * needs a GPU: it replays the output recorded on an idle H200 and the constructed eight-GPU and
 * failure examples, records the commands and keeps the limits {@code -pl} sets.
 */
class GpuPowerAdapterTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:38:30Z");
    private static final SiteId SITE = SiteId.of("dc-gpu");
    private static final String BUSY = "constructed-query-gpu-8x-busy.csv";

    /** Σ min(limit, draw) − 200 W over the busy example; GPU 7 draws below the floor. */
    private static final double BUSY_HEADROOM_KW = 2.68483;

    private static GpuAdapterOptions granted() {
        return GpuAdapterOptions.defaults(SITE, GridZone.of("DE")).withAllowPowerLimit(true);
    }

    private static DispatchOrder cap(String id, double kw) {
        return new DispatchOrder(
                DispatchId.of(id),
                1,
                null,
                SITE,
                NOW,
                NOW,
                NOW.plus(Duration.ofHours(1)),
                List.of(new DispatchAction.Reduce(GpuPowerAdapter.RESOURCE, kw)));
    }

    private static PowerCap gpuResource(FlexEnvelope env) {
        return (PowerCap) env.resource(GpuPowerAdapter.RESOURCE).orElseThrow();
    }

    @Test
    void readsTheRecordedH200() {
        // GIVEN the idle H200 (127.15 W) and the default 250 W host share and PUE 1.3
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(granted(), new NvidiaSmi(new FakeNvidiaSmi("query-gpu.csv")));
        // WHEN read
        SiteReading r = adapter.read(NOW);
        // THEN IT is board + host, facility and import are IT × PUE
        assertThat(r.itKw()).isCloseTo(0.37715, within(1e-9));
        assertThat(r.facilityKw()).isCloseTo(0.37715 * 1.3, within(1e-9));
        assertThat(r.gridImportKw()).isEqualTo(r.facilityKw());
        assertThat(r.onsiteGenKw()).isZero();
        assertThat(r.batterySocPct()).isNull();
    }

    @Test
    void anIdleH200OffersNothing() {
        // GIVEN the idle H200: it draws 127 W, below its 200 W minimum limit
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(granted(), new NvidiaSmi(new FakeNvidiaSmi("query-gpu.csv")));
        // WHEN the envelope is computed
        FlexEnvelope env = adapter.envelope(NOW, Duration.ofMinutes(5));
        // THEN the cap offers 0 kW: a lower limit would remove nothing
        PowerCap cap = gpuResource(env);
        assertThat(cap.kind()).isEqualTo(ResourceKind.POWER_CAP);
        assertThat(cap.maxReductionKw()).isZero();
        assertThat(env.baselineKw()).isCloseTo(0.37715 * 1.3, within(1e-9));
    }

    @Test
    void eightBusyGpusOfferTheirHeadroomWithALossCurve() {
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(granted(), new NvidiaSmi(new FakeNvidiaSmi(BUSY)));
        // WHEN the envelope is computed
        FlexEnvelope env = adapter.envelope(NOW, Duration.ofMinutes(5));
        // THEN the offer is the draw above the floors, within the limits, with the default ramp
        PowerCap cap = gpuResource(env);
        assertThat(cap.maxReductionKw()).isCloseTo(BUSY_HEADROOM_KW, within(1e-9));
        assertThat(cap.ramp()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cap.maxDuration()).isNull();
        assertThat(cap.lossCurve().maxReductionKw()).isCloseTo(BUSY_HEADROOM_KW, within(1e-9));
        assertThat(cap.lossCurve().lossAt(BUSY_HEADROOM_KW)).isBetween(0.0, 1.0).isPositive();
        assertThat(env.baselineKw()).isCloseTo((4.23493 + 8 * 0.25) * 1.3, within(1e-9));
        assertThat(env.validUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void withoutTheRightNothingIsOfferedOrAccepted() {
        // GIVEN busy GPUs but the default options: allowPowerLimit off
        FakeNvidiaSmi fake = new FakeNvidiaSmi(BUSY);
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(
                        GpuAdapterOptions.defaults(SITE, GridZone.of("DE")), new NvidiaSmi(fake));
        // THEN the envelope offers nothing and an order is refused with the reason
        assertThat(gpuResource(adapter.envelope(NOW, Duration.ofMinutes(5))).maxReductionKw())
                .isZero();
        assertThat(adapter.check(cap("d-1", 0.5), NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("allowPowerLimit"));
        assertThatThrownBy(() -> adapter.apply(cap("d-1", 0.5), NOW))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("allowPowerLimit");
        assertThat(fake.limitsSet()).isEmpty();
    }

    @Test
    void refusesAnUnknownResourceAndTooDeepACut() {
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(granted(), new NvidiaSmi(new FakeNvidiaSmi(BUSY)));
        DispatchOrder ups =
                new DispatchOrder(
                        DispatchId.of("d-ups"),
                        1,
                        null,
                        SITE,
                        NOW,
                        NOW,
                        NOW.plus(Duration.ofHours(1)),
                        List.of(new DispatchAction.Reduce("ups", 1)));
        // THEN each refusal says why
        assertThat(adapter.check(ups, NOW)).hasValue("unknown resource 'ups'");
        assertThat(adapter.check(cap("d-2", 3.0), NOW))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("cannot cap 3.0 kW").contains("2.7 kW"));
        assertThat(adapter.check(cap("d-3", BUSY_HEADROOM_KW), NOW)).isEmpty();
    }

    @Test
    void refusesWhenTheToolIsMissing() {
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(granted(), new NvidiaSmi(new FakeNvidiaSmi(BUSY).missing()));
        assertThat(adapter.check(cap("d-1", 0.5), NOW))
                .hasValueSatisfying(
                        why -> assertThat(why).contains("not installed or not on PATH"));
    }

    @Test
    void applyLowersEachLimitInProportionAndRevertRestoresThem() {
        // GIVEN the busy GPUs and an order for 1 kW
        FakeNvidiaSmi fake = new FakeNvidiaSmi(BUSY);
        GpuPowerAdapter adapter = new GpuPowerAdapter(granted(), new NvidiaSmi(fake));
        DispatchOrder order = cap("d-1", 1.0);
        // WHEN applied
        adapter.apply(order, NOW);
        // THEN every GPU above its floor is limited to the same share of its headroom,
        // rounded down to whole watts; GPU 7 (below the floor) is left alone
        assertThat(fake.limitsSet())
                .containsExactly("0:458", "1:449", "2:485", "3:476", "4:263", "5:443", "6:507");
        // AND the achieved kW is the draw the new limits forbid: Σ (draw − limit)
        assertThat(adapter.achievedKw(order, NOW)).isCloseTo(1.00383, within(1e-9));
        // AND the envelope shrinks by what the order took
        assertThat(gpuResource(adapter.envelope(NOW, Duration.ofMinutes(5))).maxReductionKw())
                .isCloseTo(BUSY_HEADROOM_KW - 1.00383, within(1e-9));

        // WHEN reverted, twice
        fake.clearCommands();
        adapter.revert(order, NOW);
        adapter.revert(order, NOW);
        // THEN the remembered limits are back (GPU 3's own 650 W too), set once
        assertThat(fake.limitsSet())
                .containsExactly("0:700", "1:700", "2:700", "3:650", "4:700", "5:700", "6:700");
        assertThat(adapter.achievedKw(order, NOW)).isZero();
    }

    @Test
    void capsHeldAtACrashAreLiftedByTheNextAdapterOnceTheOrderHasEnded(@TempDir Path state) {
        // GIVEN an adapter journaling its caps, and an hour's order applied
        FakeNvidiaSmi fake = new FakeNvidiaSmi(BUSY);
        Path journal = state.resolve("caps.tsv");
        new GpuPowerAdapter(granted(), new NvidiaSmi(fake), journal).apply(cap("d-9", 1.0), NOW);
        assertThat(fake.limitsSet()).hasSize(7);

        // WHEN the agent dies (no revert) and a new adapter starts on the same journal
        fake.clearCommands();
        GpuPowerAdapter next = new GpuPowerAdapter(granted(), new NvidiaSmi(fake), journal);

        // THEN the caps stay while the order runs, and its share counts as taken
        next.read(NOW.plus(Duration.ofMinutes(30)));
        assertThat(fake.limitsSet()).isEmpty();
        assertThat(next.achievedKw(cap("d-9", 1.0), NOW)).isCloseTo(1.00383, within(1e-9));

        // AND once its end has passed, the remembered limits are back, set once
        next.read(NOW.plus(Duration.ofHours(1)));
        assertThat(fake.limitsSet())
                .containsExactly("0:700", "1:700", "2:700", "3:650", "4:700", "5:700", "6:700");
        fake.clearCommands();
        new GpuPowerAdapter(granted(), new NvidiaSmi(fake), journal)
                .read(NOW.plus(Duration.ofHours(2)));
        assertThat(fake.limitsSet()).isEmpty();
    }

    @Test
    void aFailingLimitMidApplyRollsBackTheEarlierGpus() {
        // GIVEN GPU 2 refusing -pl with Insufficient Permissions
        FakeNvidiaSmi fake = new FakeNvidiaSmi(BUSY).failPl(2);
        GpuPowerAdapter adapter = new GpuPowerAdapter(granted(), new NvidiaSmi(fake));
        DispatchOrder order = cap("d-1", 1.0);
        // WHEN applied
        assertThatThrownBy(() -> adapter.apply(order, NOW))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN))
                .hasMessageContaining("Insufficient Permissions");
        // THEN GPUs 0 and 1 were set back, newest first, and nothing else was touched
        assertThat(fake.limitsSet()).containsExactly("0:458", "1:449", "2:485", "1:700", "0:700");
        assertThat(fake.limitOf(0)).isEqualTo("700.00");
        assertThat(fake.limitOf(1)).isEqualTo("700.00");
        // AND nothing is remembered: revert changes nothing, no reduction is claimed
        fake.clearCommands();
        adapter.revert(order, NOW);
        assertThat(fake.limitsSet()).isEmpty();
        assertThat(adapter.achievedKw(order, NOW)).isZero();
    }

    @Test
    void withoutRootTheFirstLimitFailsAndNothingChanges() {
        // GIVEN the agent without root: the first -pl fails (recorded message format)
        FakeNvidiaSmi fake = new FakeNvidiaSmi(BUSY).failPl(0);
        GpuPowerAdapter adapter = new GpuPowerAdapter(granted(), new NvidiaSmi(fake));
        // WHEN applied
        assertThatThrownBy(() -> adapter.apply(cap("d-1", 0.5), NOW))
                .hasMessageContaining("Insufficient Permissions");
        // THEN only that one attempt was made and no limit changed
        assertThat(fake.limitsSet()).hasSize(1).allMatch(set -> set.startsWith("0:"));
        assertThat(fake.limitOf(0)).isEqualTo("700.00");
    }

    @Test
    void aNewRevisionReplacesTheOldCap() {
        FakeNvidiaSmi fake = new FakeNvidiaSmi(BUSY);
        GpuPowerAdapter adapter = new GpuPowerAdapter(granted(), new NvidiaSmi(fake));
        adapter.apply(cap("d-1", 1.0), NOW);
        // WHEN the same order asks for the whole headroom (its own cut counts as available)
        DispatchOrder deeper = cap("d-1", BUSY_HEADROOM_KW);
        assertThat(adapter.check(deeper, NOW)).isEmpty();
        adapter.revert(cap("d-1", 1.0), NOW);
        adapter.apply(deeper, NOW);
        // THEN every GPU above the floor ends at the floor
        for (int i = 0; i < 7; i++) {
            assertThat(fake.limitOf(i)).as("GPU %d", i).isEqualTo("200.00");
        }
    }

    @Test
    void anOperatorsLossCurveBoundsTheOffer() {
        // GIVEN a measured curve that only reaches 1 kW
        LossCurve measured = LossCurve.linear(1.0, 0.2);
        GpuAdapterOptions o = granted();
        GpuAdapterOptions withCurve =
                new GpuAdapterOptions(
                        o.site(),
                        o.zone(),
                        o.pue(),
                        o.hostWPerGpu(),
                        true,
                        null,
                        measured,
                        o.ramp(),
                        o.valuePerKwhOfWork());
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(withCurve, new NvidiaSmi(new FakeNvidiaSmi(BUSY)));
        // THEN no more is offered or accepted than the curve describes
        PowerCap cap = gpuResource(adapter.envelope(NOW, Duration.ofMinutes(5)));
        assertThat(cap.maxReductionKw()).isEqualTo(1.0);
        assertThat(cap.lossCurve()).isEqualTo(measured);
        assertThat(adapter.check(cap("d-1", 1.5), NOW)).isPresent();
    }

    @Test
    void aConfiguredFloorAboveTheMinimumLeavesLessToCut() {
        // GIVEN a 400 W floor on the busy GPUs
        GpuAdapterOptions o = granted();
        GpuAdapterOptions floor400 =
                new GpuAdapterOptions(
                        o.site(),
                        o.zone(),
                        o.pue(),
                        o.hostWPerGpu(),
                        true,
                        400.0,
                        null,
                        o.ramp(),
                        o.valuePerKwhOfWork());
        GpuPowerAdapter adapter =
                new GpuPowerAdapter(floor400, new NvidiaSmi(new FakeNvidiaSmi(BUSY)));
        // THEN only the draw above 400 W counts: 212.40+198.10+255.75+240+0+187.33+290.05+0
        assertThat(gpuResource(adapter.envelope(NOW, Duration.ofMinutes(5))).maxReductionKw())
                .isCloseTo(1.38363, within(1e-9));
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(
                        () ->
                                new GpuAdapterOptions(
                                        SITE,
                                        GridZone.of("DE"),
                                        0.9,
                                        250,
                                        false,
                                        null,
                                        null,
                                        Duration.ofSeconds(5),
                                        2.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("pue");
    }
}
