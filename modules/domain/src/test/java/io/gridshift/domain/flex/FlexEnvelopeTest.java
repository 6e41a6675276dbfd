package io.gridshift.domain.flex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlexEnvelopeTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");

    static FlexEnvelope shanghai(List<FlexResource> resources) {
        return new FlexEnvelope(
                SiteId.of("dc-sh-01"),
                T0,
                T0.plus(Duration.ofMinutes(5)),
                GridZone.of("CN-SH"),
                12_000,
                0,
                resources);
    }

    static List<FlexResource> allKinds() {
        return List.of(
                new DeferrableJobs(
                        "batch", 2100, Duration.ofHours(4), Duration.ofSeconds(60), 0.01, 1.0),
                new PowerCap(
                        "train",
                        1600,
                        null,
                        Duration.ofSeconds(5),
                        new LossCurve(
                                List.of(
                                        new LossCurve.Point(0, 0),
                                        new LossCurve.Point(800, 0.05),
                                        new LossCurve.Point(1600, 0.18))),
                        0.4),
                new Battery("ups", 2000, 4000, 90, 50, Duration.ofSeconds(1), 0.05),
                new ThermalStorage(
                        "chw", 700, Duration.ofMinutes(30), Duration.ofMinutes(2), 0.002),
                new MigratableJobs(
                        "mig",
                        List.of(
                                new MigratableJob(
                                        "train-42",
                                        320,
                                        2900,
                                        T0.plus(Duration.ofHours(20)),
                                        180,
                                        Set.of(GridZone.of("CN-NM"), GridZone.of("CN-GS")))),
                        Duration.ofMinutes(5)),
                new OnsiteGeneration("gen", 3000, null, Duration.ofSeconds(30), 0.25, 0.7));
    }

    @Test
    void sumsReductionOverEveryKind() {
        FlexEnvelope envelope = shanghai(allKinds());
        assertThat(envelope.maxReductionKw()).isEqualTo(2100 + 1600 + 2000 + 700 + 320 + 3000);
        assertThat(envelope.reductionByKind())
                .containsEntry(ResourceKind.BATTERY, 2000.0)
                .containsEntry(ResourceKind.MIGRATABLE_JOBS, 320.0)
                .hasSize(6);
        assertThat(envelope.resource("ups")).get().isInstanceOf(Battery.class);
        assertThat(envelope.resource("nope")).isEmpty();
    }

    @Test
    void expiresAtValidUntil() {
        FlexEnvelope envelope = shanghai(List.of());
        assertThat(envelope.isValidAt(T0)).isTrue();
        assertThat(envelope.isValidAt(T0.plusSeconds(299))).isTrue();
        assertThat(envelope.isValidAt(T0.plusSeconds(300))).isFalse();
        assertThat(envelope.isValidAt(T0.minusSeconds(1))).isFalse();
    }

    @Test
    void duplicateResourceIdsAreRefusedWithTheirIndex() {
        var batch = new DeferrableJobs("batch", 1, Duration.ZERO, Duration.ZERO, 0, 1);
        assertThatThrownBy(() -> shanghai(List.of(batch, batch)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo("resources[1].id");
                            assertThat(e.rule()).isEqualTo("unique");
                        });
    }

    @Test
    void validUntilMustFollowTs() {
        assertThatThrownBy(
                        () ->
                                new FlexEnvelope(
                                        SiteId.of("dc-1"),
                                        T0,
                                        T0,
                                        GridZone.of("DE"),
                                        1,
                                        0,
                                        List.of()))
                .hasMessageStartingWith("validUntil: must be after ts");
    }

    @Test
    void batteryOffersOnlyTheEnergyAboveItsFloor() {
        var battery = new Battery("ups", 2000, 4000, 90, 50, Duration.ofSeconds(1), 0.05);
        assertThat(battery.availableKwh()).isCloseTo(1600, within(1e-9));
        assertThat(battery.maxDuration()).isEqualTo(Duration.ofMinutes(48));
        var atFloor = new Battery("ups", 2000, 4000, 50, 50, Duration.ofSeconds(1), 0.05);
        assertThat(atFloor.maxReductionKw()).isZero();
        assertThat(atFloor.maxDuration()).isEqualTo(Duration.ZERO);
    }

    @Test
    void lossCurveInterpolatesBetweenMeasuredPoints() {
        PowerCap cap = (PowerCap) allKinds().get(1);
        LossCurve curve = cap.lossCurve();
        assertThat(curve.lossAt(0)).isZero();
        assertThat(curve.lossAt(400)).isCloseTo(0.025, within(1e-12));
        assertThat(curve.lossAt(1200)).isCloseTo(0.115, within(1e-12));
        assertThat(curve.lossAt(5000)).isEqualTo(0.18);
    }

    @Test
    void lossCurveMustStartAtZeroAndNeverFall() {
        assertThatThrownBy(
                        () ->
                                new LossCurve(
                                        List.of(
                                                new LossCurve.Point(10, 0),
                                                new LossCurve.Point(20, 0.1))))
                .hasMessageStartingWith("lossCurve[0]: must be the point (0, 0)");
        assertThatThrownBy(
                        () ->
                                new LossCurve(
                                        List.of(
                                                new LossCurve.Point(0, 0),
                                                new LossCurve.Point(20, 0.3),
                                                new LossCurve.Point(30, 0.2))))
                .hasMessageStartingWith("lossCurve[2]: kW must rise and loss must not fall");
    }

    @Test
    void powerCapDeeperThanItsCurveIsRefused() {
        assertThatThrownBy(
                        () ->
                                new PowerCap(
                                        "train",
                                        2000,
                                        null,
                                        Duration.ZERO,
                                        LossCurve.linear(1000, 0.2),
                                        0))
                .hasMessageStartingWith("lossCurve: must reach maxReductionKw");
    }

    @Test
    void migratableJobsRespectTheirZones() {
        var mig = (MigratableJobs) allKinds().get(4);
        MigratableJob job = mig.job("train-42").orElseThrow();
        assertThat(job.mayRunIn(GridZone.of("CN-NM"))).isTrue();
        assertThat(job.mayRunIn(GridZone.of("CN-GD"))).isFalse();
        assertThat(mig.maxDuration()).isNull();
    }

    @Test
    void resourceKindsMatchTheirRecords() {
        Map<ResourceKind, Class<?>> expected =
                Map.of(
                        ResourceKind.DEFERRABLE_JOBS, DeferrableJobs.class,
                        ResourceKind.POWER_CAP, PowerCap.class,
                        ResourceKind.BATTERY, Battery.class,
                        ResourceKind.THERMAL, ThermalStorage.class,
                        ResourceKind.MIGRATABLE_JOBS, MigratableJobs.class,
                        ResourceKind.ONSITE_GENERATION, OnsiteGeneration.class);
        for (FlexResource r : allKinds()) {
            assertThat(r).isInstanceOf(expected.get(r.kind()));
        }
    }
}
