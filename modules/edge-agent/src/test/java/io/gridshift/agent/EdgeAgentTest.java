package io.gridshift.agent;

import static io.gridshift.agent.AgentHarness.SITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's reporting logic over an in-memory link that can fail on command. */
class EdgeAgentTest {
    @TempDir Path data;
    final ManualClock clock = new ManualClock(AgentHarness.T0);
    final FakeTransport link = new FakeTransport();
    EdgeAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void aFlushThatFailsWhileTheLinkStaysUpResumesOnTheNextCycle() {
        // GIVEN an agent that read ten times while offline
        agent =
                new EdgeAgent(
                        SITE,
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(SITE, AgentHarness.ZONE, 7),
                                clock.instant()),
                        link,
                        clock,
                        new AgentFolders(data, BufferOptions.defaults()),
                        AgentHarness.REPORTING,
                        DispatchOptions.defaults());
        agent.start();
        for (int i = 0; i < 10; i++) {
            agent.cycleNow();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(agent.stats().bufferedNow()).isEqualTo(10);

        // WHEN the link comes up but three sends of the first flush fail
        link.failNextTelemetry(3);
        link.connect();
        agent.cycleNow();
        agent.cycleNow();
        clock.advance(Duration.ofSeconds(5));
        agent.cycleNow();
        agent.cycleNow();

        // THEN every reading arrives (at least once: the batch's successful sends are repeated
        // with it, and the aggregator drops repeats by seq) and nothing stays behind
        Set<Long> seen = new TreeSet<>();
        for (Telemetry t : link.delivered) {
            seen.add(t.seq());
        }
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(0, 11).boxed().toList());
        assertThat(agent.stats().bufferedNow()).isZero();
    }
}
