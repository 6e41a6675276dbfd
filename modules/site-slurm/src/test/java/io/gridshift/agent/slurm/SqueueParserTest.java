package io.gridshift.agent.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code squeue --json} as Slurm 22.05 printed it here (recorded from Debian bookworm's slurm-wlm
 * 22.05.8 with four jobs: suspended, running, held, running without a comment), the shape 23.02+
 * prints (numbers as objects, states as lists), and garbage.
 */
class SqueueParserTest {

    @Test
    void readsTheRecordedSlurm2205Queue() throws IOException {
        List<SlurmJob> jobs = SqueueParser.parse(resource("slurm-22.05.json"));

        assertThat(jobs).extracting(SlurmJob::id).containsExactly("1", "2", "3", "4");
        SlurmJob suspended = jobs.get(0);
        assertThat(suspended.state()).isEqualTo("SUSPENDED");
        assertThat(suspended.partition()).isEqualTo("batch");
        assertThat(suspended.nodes()).isEqualTo("localhost");
        assertThat(suspended.comment()).isEqualTo("gridshift:deadline=2026-11-27T06:00Z;kw=3.5");
        assertThat(suspended.requeue()).isTrue();
        assertThat(suspended.slurmDeadline()).isNull();
        assertThat(suspended.timeLimitMinutes()).isNull();
        SlurmJob held = jobs.get(2);
        assertThat(held.pending()).isTrue();
        assertThat(held.held()).isTrue();
        assertThat(held.reason()).isEqualTo("JobHeldAdmin");
        assertThat(jobs.get(1).held()).isFalse();
        assertThat(jobs.get(1).priority()).isEqualTo(4294901758L);
        assertThat(jobs.get(3).comment()).isEmpty();
    }

    @Test
    void readsTheShapeOfSlurm2311() throws IOException {
        List<SlurmJob> jobs = SqueueParser.parse(resource("slurm-23.11-shape.json"));

        SlurmJob gpu = jobs.get(0);
        assertThat(gpu.state()).isEqualTo("RUNNING");
        assertThat(gpu.cpus()).isEqualTo(8);
        assertThat(gpu.requeue()).isFalse();
        assertThat(gpu.slurmDeadline()).isEqualTo(Instant.ofEpochSecond(1795730400));
        assertThat(gpu.timeLimitMinutes()).isEqualTo(120);
        assertThat(gpu.adminComment()).startsWith("ticket 42");
        SlurmJob waiting = jobs.get(1);
        assertThat(waiting.pending()).isTrue();
        assertThat(waiting.held()).isFalse();
        assertThat(waiting.slurmDeadline()).isNull();
        assertThat(waiting.timeLimitMinutes()).isNull();
    }

    @Test
    void anEmptyQueueIsNoJobs() {
        assertThat(SqueueParser.parse("{\"jobs\": [], \"errors\": []}")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "squeue: error: Invalid user: nobody",
                "<html>502 Bad Gateway</html>",
                "{\"jobs\": [{\"job_id\": 1, \"job_state\": \"RUNN",
                "[1, 2, 3]",
                "{\"meta\": {}}",
                "{\"jobs\": {\"job_id\": 1}}",
                "{\"jobs\": [42]}",
                "{\"jobs\": [{\"job_id\": \"x\", \"job_state\": \"RUNNING\"}]}",
                "{\"jobs\": [{\"job_id\": -3, \"job_state\": \"RUNNING\"}]}",
                "{\"jobs\": [{\"job_id\": 3}]}",
                "{\"jobs\": [{\"job_id\": 3, \"job_state\": []}]}",
                "{\"jobs\": [], \"errors\": [{\"error\": \"Unable to contact slurm controller\"}]}"
            })
    void garbageIsRefusedWithTheReason(String text) {
        assertThatThrownBy(() -> SqueueParser.parse(text))
                .isInstanceOf(GridshiftException.class)
                .hasMessageStartingWith("cannot read squeue --json: ")
                .extracting(e -> ((GridshiftException) e).reason())
                .isEqualTo("slurm_garbage");
    }

    @Test
    void theReasonSaysWhatWasWrong() {
        assertThatThrownBy(
                        () -> SqueueParser.parse("{\"jobs\": [{\"job_id\": 5, \"job_state\": 7}]}"))
                .hasMessageContaining("jobs[0].job_state must be a state name");
        assertThatThrownBy(
                        () ->
                                SqueueParser.parse(
                                        "{\"jobs\": [], \"errors\": [{\"error\": \"no controller\"}]}"))
                .hasMessageContaining("Slurm reported errors")
                .hasMessageContaining("no controller");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SqueueParserTest.class.getResourceAsStream("/squeue/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
