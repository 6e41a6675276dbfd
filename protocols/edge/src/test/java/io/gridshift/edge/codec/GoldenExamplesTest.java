package io.gridshift.edge.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction.LimitRebound;
import io.gridshift.domain.dispatch.DispatchAction.MigrateIn;
import io.gridshift.domain.dispatch.DispatchAction.MigrateOut;
import io.gridshift.domain.dispatch.DispatchAction.Reduce;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ThermalStorage;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.edge.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples agent implementers copy decode to exactly the values the reference documents. */
class GoldenExamplesTest {
    private static final EdgeCodec JSON = EdgeCodec.json();
    private static final SiteId SH = SiteId.of("dc-sh-01");
    private static final SiteId NM = SiteId.of("dc-nm-02");

    @Test
    void telemetry() {
        Telemetry t = JSON.decodeTelemetry(Examples.bytes("telemetry.json"));

        assertThat(t)
                .isEqualTo(
                        new Telemetry(
                                SH,
                                81234,
                                Instant.parse("2026-07-01T06:00:05Z"),
                                12040.5,
                                9550.0,
                                12040.5,
                                0,
                                92.0,
                                null));
    }

    @Test
    void envelopeWithOneResourceOfEachKind() {
        FlexEnvelope e = JSON.decodeFlex(Examples.bytes("flex.json"));

        assertThat(e.site()).isEqualTo(SH);
        assertThat(e.ts()).isEqualTo(Instant.parse("2026-07-01T05:55:00Z"));
        assertThat(e.validUntil()).isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
        assertThat(e.zone()).isEqualTo(GridZone.of("CN-SH"));
        assertThat(e.baselineKw()).isEqualTo(12000);
        assertThat(e.hostingCapacityKw()).isZero();
        assertThat(e.resources())
                .containsExactly(
                        new DeferrableJobs(
                                "batch",
                                2100,
                                Duration.ofHours(4),
                                Duration.ofMinutes(1),
                                0.01,
                                1.0),
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
                        new Battery("ups", 2000, 4000, 92, 50, Duration.ofSeconds(1), 0.05),
                        new ThermalStorage(
                                "chw", 700, Duration.ofMinutes(30), Duration.ofMinutes(2), 0.002),
                        new MigratableJobs(
                                "mig",
                                List.of(
                                        new MigratableJob(
                                                "train-42",
                                                320,
                                                2900,
                                                Instant.parse("2026-07-02T02:00:00Z"),
                                                180,
                                                Set.of(
                                                        GridZone.of("CN-NM"),
                                                        GridZone.of("CN-GS")))),
                                Duration.ofMinutes(5)),
                        new OnsiteGeneration(
                                "gen",
                                3000,
                                Duration.ofHours(8),
                                Duration.ofSeconds(30),
                                0.25,
                                0.7));
        assertThat(e.maxReductionKw()).isEqualTo(2100 + 1600 + 2000 + 700 + 320 + 3000);
    }

    @Test
    void status() {
        assertThat(JSON.decodeStatus(Examples.bytes("status.json")))
                .isEqualTo(
                        new SiteStatus(
                                SH,
                                SiteStatus.Availability.ONLINE,
                                Instant.parse("2026-07-01T05:50:00Z"),
                                "0.1.0"));
    }

    @Test
    void dispatchOrderThatSendsAJobAway() {
        DispatchOrder o = JSON.decodeDispatch(Examples.bytes("dispatch.json"));

        assertThat(o)
                .isEqualTo(
                        new DispatchOrder(
                                DispatchId.of("d-7f3a"),
                                1,
                                EventId.of("ev-20260701-1"),
                                SH,
                                Instant.parse("2026-07-01T05:58:30Z"),
                                Instant.parse("2026-07-01T06:00:00Z"),
                                Instant.parse("2026-07-01T08:00:00Z"),
                                List.of(
                                        new Reduce("batch", 1500),
                                        new Reduce("train", 400),
                                        new MigrateOut("train-42", NM, 320))));
        assertThat(o.netReductionKw()).isEqualTo(2220);
    }

    @Test
    void dispatchOrderThatReceivesTheJobCountsItsLoadAsNegative() {
        DispatchOrder o = JSON.decodeDispatch(Examples.bytes("dispatch-migrate-in.json"));

        assertThat(o.site()).isEqualTo(NM);
        assertThat(o.actions()).containsExactly(new MigrateIn("train-42", SH, 320));
        assertThat(o.netReductionKw()).isEqualTo(-320);
    }

    @Test
    void reboundOrderLimitsEachResourceStepByStepAndAsksNoReduction() {
        DispatchOrder o = JSON.decodeDispatch(Examples.bytes("dispatch-rebound.json"));

        assertThat(o.site()).isEqualTo(SH);
        assertThat(o.id()).isEqualTo(DispatchId.of("rb-ev-20260701-1-dc-sh-01"));
        assertThat(o.actions())
                .containsExactly(
                        new LimitRebound(
                                "batch",
                                Duration.ofMinutes(1),
                                List.of(300.0, 300.0, 300.0, 300.0, 450.0, 450.0)),
                        new LimitRebound(
                                "ups",
                                Duration.ofMinutes(1),
                                List.of(200.0, 200.0, 200.0, 200.0, 300.0, 300.0)));
        assertThat(o.netReductionKw()).isZero();
        assertThat(o.end()).isEqualTo(o.start().plus(Duration.ofMinutes(6)));
    }

    @Test
    void acks() {
        assertThat(JSON.decodeAck(Examples.bytes("ack.json")))
                .isEqualTo(
                        new Ack(
                                DispatchId.of("d-7f3a"),
                                1,
                                SH,
                                AckStatus.ACTIVE,
                                null,
                                1890.0,
                                Instant.parse("2026-07-01T06:00:12Z")));
        Ack rejected = JSON.decodeAck(Examples.bytes("ack-rejected.json"));
        assertThat(rejected.status()).isEqualTo(AckStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("battery ups would fall below its 50 % floor");
        // An offset is accepted and read as the same instant in UTC.
        assertThat(rejected.ts()).isEqualTo(Instant.parse("2026-07-01T06:10:02Z"));
    }

    @Test
    void everyExampleSurvivesJsonAndCborUnchanged() {
        for (String name : Examples.ALL) {
            Channel channel = Channel.fromSegment(Examples.segment(name));
            Record decoded = JSON.decode(channel, Examples.bytes(name));
            for (EdgeCodec codec : List.of(EdgeCodec.json(), EdgeCodec.cbor())) {
                assertThat(codec.decode(channel, codec.encodeMessage(decoded)))
                        .as("%s in %s", name, codec.format())
                        .isEqualTo(decoded);
            }
        }
    }

    @Test
    void theEncoderWritesVersionFirstAndUtcTimestamps() {
        Ack rejected = JSON.decodeAck(Examples.bytes("ack-rejected.json"));

        String json = new String(JSON.encode(rejected), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json)
                .isEqualTo(
                        "{\"v\":1,\"dispatchId\":\"d-7f3a\",\"revision\":2,\"site\":\"dc-sh-01\","
                                + "\"status\":\"REJECTED\",\"ts\":\"2026-07-01T06:10:02Z\","
                                + "\"reason\":\"battery ups would fall below its 50 % floor\"}");
    }
}
