package io.gridshift.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.Channel;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes in one cluster on one Mosquitto: the shared subscription splits the fleet's messages,
 * both nodes see the same fleet, an order issued on one is acknowledged through either, and when a
 * node dies the other keeps the whole fleet.
 */
class AggregatorClusterIT {
    static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir Path data;
    final ManualClock clock = new ManualClock(Agents.T0);
    MosquittoBroker mosquitto;
    AggregatorNode a;
    AggregatorNode b;
    Agents agents;

    @AfterEach
    void stop() {
        if (agents != null) {
            agents.close();
        }
        for (AggregatorNode n : new AggregatorNode[] {b, a}) {
            if (n != null) {
                n.close();
            }
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void twoNodesShareTheFleetAndOneCarriesOnWhenTheOtherDies() throws Exception {
        // GIVEN two nodes of one cluster on one broker, and four sites reporting
        mosquitto = new MosquittoBroker();
        mosquitto.start();
        String cluster = "cluster-it-" + UUID.randomUUID();
        AggregatorOptions base = AggregatorOptions.ephemeral();
        base =
                base.withMqtt(base.mqtt().withServer(URI.create(mosquitto.uri())))
                        .withCluster(base.cluster().withClusterName(cluster));
        a = AggregatorNode.start(base, clock);
        var first = a.hazelcast().getCluster().getLocalMember().getAddress();
        ClusterOptions joining =
                base.cluster().withMembers(List.of(first.getHost() + ":" + first.getPort()));
        b = AggregatorNode.start(base.withCluster(joining), clock);
        assertThat(b.hazelcast().getCluster().getMembers()).hasSize(2);
        agents = new Agents(clock, data);
        for (int i = 1; i <= 4; i++) {
            agents.mqtt("dc-" + i, i % 2 == 0 ? "DE" : "FR", mosquitto.uri());
        }

        // THEN both nodes take a share of the readings and see the same fleet
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            agents.run(Duration.ofSeconds(5));
                            assertThat(telemetry(a)).isPositive();
                            assertThat(telemetry(b)).isPositive();
                            FleetSummary fromA = a.fleet().summary().toCompletableFuture().get();
                            FleetSummary fromB = b.fleet().summary().toCompletableFuture().get();
                            assertThat(fromA.sitesOnline()).isEqualTo(4);
                            assertThat(fromB.sitesOnline()).isEqualTo(4);
                            assertThat(fromB.zones()).containsOnlyKeys("DE", "FR");
                        });

        // WHEN an order is issued on node B
        b.dispatch()
                .issue(
                        Agents.holdBatch(
                                "d-cluster",
                                "dc-1",
                                clock.instant().plusSeconds(60),
                                Duration.ofMinutes(30),
                                200))
                .toCompletableFuture()
                .get();

        // THEN its ack, through whichever node received it, moves it, seen from both nodes
        await().atMost(WAIT).until(() -> state(a, "d-cluster") == DispatchState.ACCEPTED);
        assertThat(state(b, "d-cluster")).isEqualTo(DispatchState.ACCEPTED);

        // AND WHEN node A dies, node B keeps every site, the order and the totals
        a.close();
        a = null;
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            agents.run(Duration.ofSeconds(5));
                            FleetSummary s = b.fleet().summary().toCompletableFuture().get();
                            assertThat(s.sitesKnown()).isEqualTo(4);
                            assertThat(s.sitesOnline()).isEqualTo(4);
                        });
        assertThat(state(b, "d-cluster")).isEqualTo(DispatchState.ACCEPTED);
        agents.run(Duration.ofSeconds(65));
        await().atMost(WAIT).until(() -> state(b, "d-cluster") == DispatchState.ACTIVE);
    }

    private static double telemetry(AggregatorNode node) {
        return node.metrics().ingestedCount(Transport.MQTT, Channel.TELEMETRY);
    }

    private static DispatchState state(AggregatorNode node, String id) throws Exception {
        return node.dispatch()
                .get(DispatchId.of(id))
                .toCompletableFuture()
                .get()
                .map(v -> v.state())
                .orElse(null);
    }
}
