package io.gridshift.aggregator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.fixtures.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split-brain protection on a real member: a node configured for a quorum of two that finds itself
 * alone (the minority side of a split, or the first of a cluster still starting) refuses to take
 * the VEN's or an event's lease and says why; once a second member joins it goes on.
 */
class SplitBrainProtectionIT {
    @TempDir Path folder;
    AggregatorNode a;
    AggregatorNode b;

    @AfterEach
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aMemberBelowTheQuorumTakesNoLeaseUntilASecondJoins() throws Exception {
        AggregatorOptions base = AggregatorOptions.ephemeral();
        base =
                base.withCluster(
                        base.cluster()
                                .withClusterName("quorum-" + UUID.randomUUID())
                                .withQuorum(2));
        // nothing listens there: the VEN never gets as far as its VTN in this test
        URI vtn = URI.create("http://127.0.0.1:" + FreePorts.tcp());
        a =
                AggregatorNode.start(
                        base.withVen(VenOptions.of(vtn, "quorum", folder.resolve("a"))),
                        Clock.systemUTC());

        // GIVEN one member alone with a quorum of two
        // THEN it refuses every lease, naming the split-brain protection
        assertThatThrownBy(
                        () ->
                                Lease.takeOnce(
                                        a.hazelcast(),
                                        "event evt-1",
                                        a.nodeId(),
                                        Duration.ofSeconds(3)))
                .isInstanceOf(SplitBrainProtectionException.class)
                .hasMessageContaining(ClusterConfigs.QUORUM);
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .until(() -> !a.runsVen());
        assertThatThrownBy(() -> a.hazelcast().getMap(Lease.MAP).put("x", "y"))
                .isInstanceOf(SplitBrainProtectionException.class);

        // WHEN a second member joins, the quorum is met and one of them runs the VEN
        var first = a.hazelcast().getCluster().getLocalMember().getAddress();
        b =
                AggregatorNode.start(
                        base.withCluster(
                                        base.cluster()
                                                .withMembers(
                                                        List.of(
                                                                first.getHost()
                                                                        + ":"
                                                                        + first.getPort())))
                                .withVen(VenOptions.of(vtn, "quorum", folder.resolve("b"))),
                        Clock.systemUTC());
        await().atMost(Duration.ofSeconds(30)).until(() -> a.runsVen() ^ b.runsVen());
        assertThat(Lease.takeOnce(a.hazelcast(), "event evt-1", a.nodeId(), Duration.ofSeconds(3)))
                .isTrue();
    }
}
