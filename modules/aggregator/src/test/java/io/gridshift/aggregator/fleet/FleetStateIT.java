package io.gridshift.aggregator.fleet;

import static io.gridshift.aggregator.fleet.Fixtures.MQTT;
import static io.gridshift.aggregator.fleet.Fixtures.T0;
import static io.gridshift.aggregator.fleet.Fixtures.envelope;
import static io.gridshift.aggregator.fleet.Fixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.domain.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet state on a real Hazelcast cluster of several members in this JVM. */
class FleetStateIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    final ManualClock clock = new ManualClock(T0);
    final String cluster = "fleet-it-" + UUID.randomUUID();
    final List<HazelcastInstance> members = new ArrayList<>();
    final List<FleetState> states = new ArrayList<>();
    final AtomicInteger duplicates = new AtomicInteger();

    @AfterEach
    void stop() {
        states.forEach(FleetState::close);
        members.forEach(HazelcastInstance::shutdown);
    }

    FleetState member() {
        ClusterOptions options =
                ClusterOptions.defaults().withClusterName(cluster).withMemberPort(0);
        if (!members.isEmpty()) {
            var first = members.get(0).getCluster().getLocalMember().getAddress();
            options = options.withMembers(List.of(first.getHost() + ":" + first.getPort()));
        }
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(ClusterConfigs.member(options));
        members.add(hz);
        FleetState state =
                new FleetState(
                        hz,
                        FleetOptions.defaults().withStaleAfter(Duration.ofSeconds(30)),
                        clock,
                        duplicates::addAndGet);
        states.add(state);
        return state;
    }

    @Test
    void totalsKeptIncrementallyOnThreeMembersEqualTheSumOverEverySite() throws Exception {
        // GIVEN a cluster of three members
        FleetState a = member();
        member();
        member();
        await().atMost(WAIT).until(() -> members.get(0).getCluster().getMembers().size() == 3);

        // WHEN 300 sites in three zones report readings and envelopes through all three members
        Random random = new Random(3);
        Map<String, Double> load = new HashMap<>();
        Map<String, Double> battery = new HashMap<>();
        List<CompletableFuture<?>> stored = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 300; i++) {
                String site = "dc-" + i;
                FleetState via = states.get(random.nextInt(states.size()));
                double kw = 1000 + random.nextInt(9000);
                load.put(site, kw);
                stored.add(
                        via.telemetry(reading(site, round, T0.plusSeconds(round), kw), MQTT, true));
                if (round == 0 || random.nextBoolean()) {
                    double b = random.nextInt(500);
                    battery.put(site, b);
                    // later rounds' envelopes are newer; whichever arrives last, the newest stays
                    Instant ts = T0.minusSeconds(3 - round);
                    stored.add(
                            via.envelope(envelope(site, "Z" + (i % 3), ts, b), MQTT)
                                    .toCompletableFuture());
                }
            }
        }
        CompletableFuture.allOf(stored.toArray(new CompletableFuture[0])).get();

        // THEN the totals, summed from the members' incremental counts, are the truth
        FleetSummary s = a.summary().toCompletableFuture().get();
        double truthLoad = load.values().stream().mapToDouble(Double::doubleValue).sum();
        double truthBattery = battery.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(s.sitesKnown()).isEqualTo(300);
        assertThat(s.sitesOnline()).isEqualTo(300);
        assertThat(s.loadKw()).isCloseTo(truthLoad, within(1e-3));
        assertThat(s.flexByKind().get(ResourceKind.DEFERRABLE_JOBS))
                .isCloseTo(30_000, within(1e-6));
        assertThat(s.flexByKind().get(ResourceKind.BATTERY)).isCloseTo(truthBattery, within(1e-3));
        assertThat(s.zones()).containsOnlyKeys("Z0", "Z1", "Z2");
        assertThat(s.zones().get("Z1").sitesOnline()).isEqualTo(100);
        assertThat(s.hostingKw()).isCloseTo(300 * 50, within(1e-6));

        // AND WHEN a member leaves, the survivors recount the sites they now own
        states.remove(2).close();
        members.remove(2).shutdown();
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            FleetSummary after = a.summary().toCompletableFuture().get();
                            assertThat(after.sitesKnown()).isEqualTo(300);
                            assertThat(after.loadKw()).isCloseTo(truthLoad, within(1e-3));
                        });
    }

    @Test
    void silentSitesGoStaleAndLeaveTheFlexibilityUntilTheyReportAgain() throws Exception {
        FleetState a = member();
        FleetState b = member();
        await().atMost(WAIT).until(() -> members.get(0).getCluster().getMembers().size() == 2);
        for (int i = 0; i < 20; i++) {
            String site = "dc-" + i;
            a.telemetry(reading(site, 1, T0, 2000), MQTT, true).get();
            a.envelope(envelope(site, "DE", T0, 200), MQTT).toCompletableFuture().get();
        }
        assertThat(a.summary().toCompletableFuture().get().flexKw()).isCloseTo(6000, within(1e-6));

        // WHEN 31 s pass and only dc-0 reports again
        clock.advance(Duration.ofSeconds(31));
        b.telemetry(reading("dc-0", 2, clock.instant(), 2100), MQTT, true).get();
        int stale = a.sweep() + b.sweep();

        // THEN every other site is stale and counts for nothing
        assertThat(stale).isEqualTo(19);
        FleetSummary s = a.summary().toCompletableFuture().get();
        assertThat(s.sitesOnline()).isEqualTo(1);
        assertThat(s.sitesKnown()).isEqualTo(20);
        assertThat(s.loadKw()).isCloseTo(2100, within(1e-9));
        assertThat(s.flexKw()).isCloseTo(300, within(1e-9));
        assertThat(a.site(SiteId.of("dc-5")).toCompletableFuture().get().orElseThrow().presence())
                .isEqualTo(Presence.STALE);

        // AND a stale site that reports again is back
        a.telemetry(reading("dc-5", 2, clock.instant(), 1500), MQTT, true).get();
        assertThat(a.summary().toCompletableFuture().get().sitesOnline()).isEqualTo(2);
    }

    @Test
    void anExpiredEnvelopeLeavesTheTotalsAtTheNextSweepAndOfflineSitesAtOnce() throws Exception {
        FleetState a = member();
        a.telemetry(reading("dc-a", 1, T0, 1000), MQTT, true).get();
        a.envelope(envelope("dc-a", "DE", T0, 400), MQTT).toCompletableFuture().get();
        a.telemetry(reading("dc-b", 1, T0, 1000), MQTT, true).get();
        a.envelope(envelope("dc-b", "DE", T0, 400), MQTT).toCompletableFuture().get();
        assertThat(a.summary().toCompletableFuture().get().flexKw()).isCloseTo(1000, within(1e-9));

        // dc-b says goodbye: out of the totals at once
        a.status(
                        new SiteStatus(
                                SiteId.of("dc-b"), SiteStatus.Availability.OFFLINE, T0, "1.0"),
                        MQTT)
                .toCompletableFuture()
                .get();
        assertThat(a.summary().toCompletableFuture().get().sitesOnline()).isEqualTo(1);

        // ten minutes on, dc-a still reports but its envelope expired
        for (int i = 2; i <= 25; i++) {
            clock.advance(Duration.ofSeconds(25));
            a.telemetry(reading("dc-a", i, clock.instant(), 1000), MQTT, true).get();
        }
        a.sweep();
        FleetSummary s = a.summary().toCompletableFuture().get();
        assertThat(s.sitesOnline()).isEqualTo(1);
        assertThat(s.flexKw()).isZero();
        assertThat(s.loadKw()).isEqualTo(1000);
    }

    @Test
    void duplicateAndLateReadingsAreCountedBySeqAndFiledByTime() throws Exception {
        FleetState a = member();
        for (long seq : new long[] {1, 2, 5, 2, 3, 6, 6}) {
            a.telemetry(reading("dc-q", seq, T0.plusSeconds(seq * 5), 1000 + seq), MQTT, true)
                    .get();
        }
        SiteView v = a.site(SiteId.of("dc-q")).toCompletableFuture().get().orElseThrow();
        assertThat(v.quality()).isEqualTo(new DeliveryQuality(5, 2, 1, 1));
        assertThat(v.quality().completeness()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(v.latest().seq()).isEqualTo(6);
        assertThat(duplicates.get()).isEqualTo(2);
        List<TelemetrySample> window =
                a.recentTelemetry(SiteId.of("dc-q"), T0).toCompletableFuture().get().orElseThrow();
        assertThat(window).extracting(TelemetrySample::seq).containsExactly(1L, 2L, 3L, 5L, 6L);
        assertThat(a.recentTelemetry(SiteId.of("dc-none"), T0).toCompletableFuture().get())
                .isEmpty();
    }
}
