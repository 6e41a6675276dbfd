package io.gridshift.agent;

import static io.gridshift.agent.AgentHarness.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.schedule.JobEntry;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.schedule.JobState;
import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAckStatus;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.fixtures.mqtt.EmbeddedHiveMqBroker;
import io.gridshift.fixtures.mqtt.MqttBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day-ahead plan through a real broker: the agent reports its jobs, a retained plan reaches it,
 * it starts the planned job at its slot by its own (manual) clock and acks; after a restart the
 * retained copy is acked again and not applied twice.
 */
class EdgeAgentPlanMqttIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration SLOT = Duration.ofMinutes(15);
    static MqttBroker hivemq;

    @TempDir Path data;
    ManualClock clock = new ManualClock(AgentHarness.T0);
    AgentHarness harness;
    TestAggregator aggregator;

    @BeforeAll
    static void startHiveMq() {
        hivemq = new EmbeddedHiveMqBroker();
        hivemq.start();
    }

    @AfterAll
    static void stopHiveMq() {
        hivemq.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null && harness.agent != null) {
            harness.agent.close();
        }
        if (aggregator != null) {
            aggregator.close();
        }
    }

    @Test
    void theSiteReportsItsJobsAndRunsThemAtThePlannedSlots() throws Exception {
        // GIVEN an agent whose simulated site submits flexible jobs, reporting through the broker
        aggregator = new TestAggregator(hivemq.uri()).connect();
        harness = new AgentHarness(clock, data, hivemq.uri(), 0);
        harness.jobs = JobOptions.enabled(7, 6);
        harness.start();
        await().atMost(WAIT).until(harness.transport::isConnected);
        harness.run(Duration.ofMinutes(20));
        await().atMost(WAIT).until(() -> futureJob(clock.instant()).isPresent());
        FlexibleJob job = futureJob(clock.instant()).orElseThrow();

        // WHEN the aggregator plans it one slot later than it could start and publishes the plan
        SitePlan plan = planFor(job, 1);
        aggregator.send(plan);

        // THEN the site accepts, holds the job past its arrival and starts it at the slot
        PlanAck ack = awaitPlanAck(plan, 1);
        assertThat(ack.status()).isEqualTo(PlanAckStatus.ACCEPTED);
        Instant start = plan.slotStart(plan.jobs().get(0).firstSlot());
        assertThat(job.arrival()).isBefore(start);
        runUntil(job.arrival());
        assertThat(stateOf(job.id())).as("arrived but planned later").isEqualTo(JobState.QUEUED);
        runUntil(start);
        assertThat(stateOf(job.id())).isEqualTo(JobState.RUNNING);
        assertThat(entry(job.id()).firstStart()).isEqualTo(start);

        // WHEN the agent restarts and the broker hands it the retained plan again
        harness.agent.close();
        harness.start();

        // THEN it acks the copy with the same answer and does not apply it a second time
        awaitPlanAck(plan, 2);
        await().atMost(WAIT).until(() -> harness.agent.planStats().copies() == 1);
        assertThat(harness.agent.planStats().applied()).isZero();
        assertThat(harness.agent.plan()).contains(plan);
    }

    private Optional<FlexibleJob> futureJob(Instant now) {
        List<SiteJobs> reports = new ArrayList<>(aggregator.jobs);
        if (reports.isEmpty()) {
            return Optional.empty();
        }
        return reports.get(reports.size() - 1).jobs().stream()
                .filter(j -> j.arrival().isAfter(now.plus(SLOT)))
                .filter(j -> !j.interruptible())
                .findFirst();
    }

    /** The job in one piece, starting {@code delaySlots} after the first slot it may start in. */
    private SitePlan planFor(FlexibleJob job, int delaySlots) {
        Instant from = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long first =
                (Duration.between(from, job.arrival()).toSeconds() + SLOT.toSeconds() - 1)
                        / SLOT.toSeconds();
        int start = (int) first + delaySlots;
        int count = (int) ((job.duration().toSeconds() + SLOT.toSeconds() - 1) / SLOT.toSeconds());
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.add(start + i);
        }
        return new SitePlan(
                PlanId.of("p-it"),
                1,
                SITE,
                clock.instant(),
                from,
                from.plus(Duration.ofHours(24)),
                SLOT,
                List.of(
                        new PlannedJob(
                                job.id(), PlanAction.RUN, null, slots, job.kw(), job.deadline())));
    }

    private PlanAck awaitPlanAck(SitePlan plan, int copies) {
        await().atMost(WAIT)
                .until(
                        () ->
                                aggregator.planAcks.stream()
                                                .filter(a -> a.planId().equals(plan.planId()))
                                                .count()
                                        >= copies);
        return aggregator.planAcks.get(aggregator.planAcks.size() - 1);
    }

    private void runUntil(Instant t) {
        while (clock.instant().isBefore(t)) {
            Duration step = Duration.between(clock.instant(), t);
            clock.advance(
                    step.compareTo(Duration.ofSeconds(30)) < 0 ? step : Duration.ofSeconds(30));
            harness.agent.cycleNow();
        }
    }

    private JobEntry entry(String id) {
        return harness.agent.flexibleJobs().stream()
                .filter(e -> e.job().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private JobState stateOf(String id) {
        return entry(id).state();
    }
}
