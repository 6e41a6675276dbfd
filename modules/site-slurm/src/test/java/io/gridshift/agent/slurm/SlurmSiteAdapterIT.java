package io.gridshift.agent.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.agent.gpu.ProcessCommandRunner;
import io.gridshift.agent.site.SiteAdapterFactories;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter against a real single-node Slurm ({@link SlurmCluster}): jobs are submitted with the
 * comment convention, orders hold and suspend them in Slurm's real state, and their end releases
 * and resumes them. Failures are injected by putting a wrapper in front of the real scontrol or
 * squeue ({@code slurm.binDir}); everything else is Slurm itself.
 */
class SlurmSiteAdapterIT {
    private static final SiteId SITE = SiteId.of("dc-1");
    private static final GridZone ZONE = GridZone.of("DE");
    private static final String CALLS = "calls.log";
    private static SlurmCluster slurm;

    private final Instant now = Instant.now();

    @BeforeAll
    static void startSlurm() {
        slurm = SlurmCluster.start();
    }

    @AfterAll
    static void stopSlurm() {
        if (slurm != null) {
            slurm.close();
        }
    }

    @AfterEach
    void emptyQueue() {
        slurm.cancelAll();
        slurm.run("scontrol", "update", "PartitionName=" + SlurmCluster.PARTITION, "State=UP");
    }

    @Test
    void anOrderSuspendsAndHoldsJobsAndItsEndResumesAndReleasesThem() {
        // GIVEN every CPU busy with flexible 2 kW jobs, and a queue behind them
        List<String> running = fillCpus("gridshift:kw=2");
        String flexPending = slurm.submit("gridshift:kw=1;deadline=" + now.plusSeconds(86_400));
        String rigid = slurm.submit(null);
        String humanHeld = slurm.submit("gridshift:kw=1", "--hold");
        SlurmSiteAdapter adapter =
                adapter(
                        List.of(new PartitionLimit(SlurmCluster.PARTITION, "State", "DOWN")),
                        null,
                        Duration.ofSeconds(10));
        FlexEnvelope envelope = adapter.envelope(now, Duration.ofMinutes(5));
        assertThat(envelope.resource(SlurmSiteAdapter.JOBS).orElseThrow().maxReductionKw())
                .isEqualTo(2.0 * running.size());

        // WHEN an order asks for 2 kW for an hour
        DispatchOrder order = order("d-1", 2.0);
        assertThat(adapter.check(order, now)).isEmpty();
        adapter.apply(order, now);

        // THEN one running job is suspended, the flexible pending job is held, the partition is
        // down so the freed CPU stays free, and a human's hold is left alone
        Map<String, String[]> q = queue();
        assertThat(running.stream().filter(id -> q.get(id)[0].equals("SUSPENDED"))).hasSize(1);
        assertThat(q.get(flexPending)[1]).isEqualTo("JobHeldAdmin");
        assertThat(q.get(rigid)[0]).isEqualTo("PENDING");
        assertThat(q.get(rigid)[1]).isNotIn("JobHeldAdmin", "JobHeldUser");
        assertThat(partitionState()).isEqualTo("DOWN");
        assertThat(adminComment(flexPending)).contains("[gridshift-held:order=d-1;did=hold");
        assertThat(adapter.achievedKw(order, now)).isEqualTo(2.0);

        // WHEN the order ends
        adapter.revert(order, now.plusSeconds(3600));

        // THEN every job runs or waits as before, the partition is up, the marks are gone
        Map<String, String[]> after = queue();
        for (String id : running) {
            assertThat(after.get(id)[0]).as("job %s", id).isEqualTo("RUNNING");
        }
        assertThat(after.get(flexPending)[1]).isNotIn("JobHeldAdmin", "JobHeldUser");
        assertThat(after.get(humanHeld)[1]).isIn("JobHeldUser", "JobHeldAdmin");
        assertThat(partitionState()).isEqualTo("UP");
        assertThat(adminComment(flexPending)).isEmpty();
        assertThat(adapter.achievedKw(order, now)).isZero();
        // AND a second revert is harmless
        adapter.revert(order, now.plusSeconds(3600));
        assertThat(queue().get(humanHeld)[1]).isIn("JobHeldUser", "JobHeldAdmin");
    }

    @Test
    void aPartitionLimitLoweredBeforeACrashIsRestoredByTheNextAdapterAfterTheOrdersEnd(
            @TempDir Path state) {
        // GIVEN an adapter journaling its partition holds, and an order that takes the partition
        // down for an hour
        Path journal = state.resolve("holds.tsv");
        SlurmSiteAdapter first =
                adapter(
                        List.of(new PartitionLimit(SlurmCluster.PARTITION, "State", "DOWN")),
                        journal);
        first.apply(order("d-crash", 0.0), now);
        assertThat(partitionState()).isEqualTo("DOWN");

        // WHEN the agent dies (no revert) and a new adapter starts on the same journal
        SlurmSiteAdapter next = adapter(List.of(), journal);

        // THEN the limit stays while the order runs, and is restored once its end has passed
        next.envelope(now.plusSeconds(60), Duration.ofMinutes(5));
        assertThat(partitionState()).isEqualTo("DOWN");
        next.envelope(now.plusSeconds(3601), Duration.ofMinutes(5));
        assertThat(partitionState()).isEqualTo("UP");
        assertThat(
                        adapter(List.of(), journal)
                                .envelope(now.plusSeconds(3700), Duration.ofMinutes(5)))
                .isNotNull();
        assertThat(partitionState()).isEqualTo("UP");
    }

    @Test
    void jobsThatAskForItAreRequeuedAndReleasedAtTheEnd() {
        // GIVEN running jobs that checkpoint and ask to be requeued rather than suspended
        List<String> running = fillCpus("gridshift:kw=3;pause=requeue");
        SlurmSiteAdapter adapter = adapter(List.of(), null, Duration.ofSeconds(10));
        DispatchOrder order = order("d-7", 3.0);

        // WHEN an order asks for 3 kW
        adapter.apply(order, now);

        // THEN one is back in the queue, held, its CPU given back; the mark survived the requeue
        // (COMPLETING while its processes end, then PENDING)
        assertThat(adapter.achievedKw(order, now)).isEqualTo(3.0);
        Awaitility.await("a requeued job pending")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> running.stream().anyMatch(id -> "PENDING".equals(state(id))));
        String requeued =
                running.stream()
                        .filter(id -> "PENDING".equals(state(id)))
                        .findFirst()
                        .orElseThrow();
        assertThat(running.stream().filter(id -> "RUNNING".equals(state(id))))
                .hasSize(running.size() - 1);
        assertThat(adminComment(requeued)).contains("did=requeue");
        assertThat(adapter.achievedKw(order, now)).isEqualTo(3.0);

        // WHEN the order ends THEN it is released: no longer held, with a priority again (it
        // starts once Slurm's own begin time for requeued jobs has passed)
        adapter.revert(order, now.plusSeconds(3600));
        assertThat(adminComment(requeued)).isEmpty();
        assertThat(queue().get(requeued)[1]).doesNotContain("held", "Held");
        assertThat(slurm.run("squeue", "-h", "-j", requeued, "-o", "%Q").strip()).isNotEqualTo("0");
        assertThat(adapter.achievedKw(order, now)).isZero();
    }

    @Test
    void aFailingScontrolPartWayLeavesTheQueueAsItWas() throws IOException {
        // GIVEN an scontrol that refuses to suspend, in front of the real one
        List<String> running = fillCpus("gridshift:kw=2");
        String pending = slurm.submit("gridshift:kw=1");
        Path bin =
                wrappers(
                        "scontrol", "[ \"$1\" = suspend ] && { echo 'injected: no' >&2; exit 1; }");
        SlurmSiteAdapter adapter = adapter(List.of(), bin, Duration.ofSeconds(10));

        // WHEN an order is applied THEN it fails with Slurm's words, and the hold it placed first
        // is released
        assertThatThrownBy(() -> adapter.apply(order("d-2", 2.0), now))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("not applied, what it changed is undone")
                .hasMessageContaining("injected: no")
                .extracting(e -> ((GridshiftException) e).reason())
                .isEqualTo("slurm_failed");
        assertUntouched(pending);
        List<String> calls = Files.readAllLines(bin.resolve(CALLS));
        assertThat(calls)
                .containsSubsequence("scontrol hold " + pending, "scontrol release " + pending);
        assertThat(calls)
                .anyMatch(
                        c ->
                                running.stream().anyMatch(c::endsWith)
                                        && c.startsWith("scontrol suspend"));
    }

    @Test
    void aHangingScontrolIsKilledAndTheOrderUndone() throws IOException {
        // GIVEN an scontrol that hangs on suspend, and a one-second timeout
        fillCpus("gridshift:kw=2");
        String pending = slurm.submit("gridshift:kw=1");
        Path bin = wrappers("scontrol", "[ \"$1\" = suspend ] && exec sleep 60");
        SlurmSiteAdapter adapter = adapter(List.of(), bin, Duration.ofSeconds(1));

        assertThatThrownBy(() -> adapter.apply(order("d-3", 2.0), now))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("did not finish within")
                .extracting(e -> ((GridshiftException) e).reason())
                .isEqualTo("slurm_timeout");
        assertUntouched(pending);
        assertThat(Files.readAllLines(bin.resolve(CALLS)))
                .containsSubsequence("scontrol hold " + pending, "scontrol release " + pending);
    }

    @Test
    void aReboundLimitIsRefusedWithWhyAndChangesNothing() {
        fillCpus("gridshift:kw=2");
        String pending = slurm.submit("gridshift:kw=1");
        SlurmSiteAdapter adapter = adapter(List.of(), null, Duration.ofSeconds(10));
        DispatchOrder limit =
                new DispatchOrder(
                        DispatchId.of("rb-1"),
                        1,
                        null,
                        SITE,
                        now,
                        now,
                        now.plusSeconds(600),
                        List.of(
                                new DispatchAction.LimitRebound(
                                        SlurmSiteAdapter.JOBS,
                                        Duration.ofMinutes(1),
                                        List.of(1.0, 2.0))));

        assertThat(adapter.check(limit, now))
                .hasValueSatisfying(
                        why ->
                                assertThat(why)
                                        .startsWith(
                                                "LIMIT_REBOUND on 'slurm-jobs' is not supported"));
        assertThatThrownBy(() -> adapter.apply(limit, now))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("does not meter their return");
        assertUntouched(pending);
    }

    @Test
    void garbageFromSqueueRefusesTheOrderAndChangesNothing() throws IOException {
        fillCpus("gridshift:kw=2");
        String pending = slurm.submit("gridshift:kw=1");
        Path bin = wrappers("squeue", "echo '{\"jobs\": [{\"job_id\": \"x\"'; exit 0");
        SlurmSiteAdapter adapter = adapter(List.of(), bin, Duration.ofSeconds(10));
        DispatchOrder order = order("d-4", 2.0);

        assertThat(adapter.check(order, now))
                .hasValueSatisfying(why -> assertThat(why).contains("cannot read squeue --json"));
        assertThatThrownBy(() -> adapter.apply(order, now))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("cannot read squeue --json");
        assertThatThrownBy(() -> adapter.envelope(now, Duration.ofMinutes(5)))
                .isInstanceOf(GridshiftException.class);
        assertUntouched(pending);
    }

    @Test
    void aFreshAdapterRevertsWhatAnEarlierOneDidAndSweepsEndedOrders() {
        // GIVEN orders applied by an adapter that is then lost (an agent restart)
        List<String> running = fillCpus("gridshift:kw=2");
        String pending = slurm.submit("gridshift:kw=1");
        adapter(List.of(), null, Duration.ofSeconds(10)).apply(order("d-5", 2.0), now);
        assertThat(queue().get(pending)[1]).isEqualTo("JobHeldAdmin");

        // WHEN a fresh adapter reverts the order THEN its marks lead it to the jobs
        SlurmSiteAdapter fresh = adapter(List.of(), null, Duration.ofSeconds(10));
        fresh.revert(order("d-5", 2.0), now);
        assertThat(queue().get(pending)[1]).isNotEqualTo("JobHeldAdmin");
        assertThat(running.stream().map(id -> queue().get(id)[0])).containsOnly("RUNNING");

        // WHEN an order is applied and then forgotten, and its end passes
        fresh.apply(order("d-6", 2.0), now);
        fresh.envelope(now.plusSeconds(3601), Duration.ofMinutes(5));
        // THEN the envelope's sweep released it anyway
        assertThat(queue().get(pending)[1]).isNotEqualTo("JobHeldAdmin");
        assertThat(running.stream().map(id -> queue().get(id)[0])).containsOnly("RUNNING");
        assertThat(adminComment(pending)).isEmpty();
    }

    @Test
    void theAgentFindsTheSlurmFactoryByName() {
        assertThat(SiteAdapterFactories.discover().names()).contains(SlurmSiteFactory.NAME);
    }

    private void assertUntouched(String pending) {
        Map<String, String[]> q = queue();
        assertThat(q.values().stream().map(s -> s[0])).doesNotContain("SUSPENDED");
        assertThat(q.get(pending)[1]).isNotEqualTo("JobHeldAdmin");
        assertThat(adminComment(pending)).isEmpty();
    }

    /** One flexible one-CPU job per CPU, waited for until they all run. */
    private List<String> fillCpus(String comment) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < slurm.cpus(); i++) {
            ids.add(slurm.submit(comment));
        }
        Awaitility.await("jobs running")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> ids.stream().allMatch(id -> "RUNNING".equals(state(id))));
        return ids;
    }

    private SlurmSiteAdapter adapter(List<PartitionLimit> limits, Path journal) {
        return adapter(limits, null, Duration.ofSeconds(10), journal);
    }

    private SlurmSiteAdapter adapter(List<PartitionLimit> limits, Path binDir, Duration timeout) {
        return adapter(limits, binDir, timeout, null);
    }

    private SlurmSiteAdapter adapter(
            List<PartitionLimit> limits, Path binDir, Duration timeout, Path journal) {
        SlurmAdapterOptions options =
                new SlurmAdapterOptions(
                        SITE,
                        ZONE,
                        Set.of(),
                        SlurmAdapterOptions.DEFAULT_CPU_KW,
                        limits,
                        SlurmAdapterOptions.DEFAULT_RAMP,
                        SlurmAdapterOptions.DEFAULT_JOB_COST_PER_KWH);
        return new SlurmSiteAdapter(
                options, new ProcessCommandRunner(timeout), binDir, slurm.conf(), journal);
    }

    private DispatchOrder order(String id, double kw) {
        return new DispatchOrder(
                DispatchId.of(id),
                1,
                null,
                SITE,
                now,
                now,
                now.plusSeconds(3600),
                List.of(new DispatchAction.Reduce(SlurmSiteAdapter.JOBS, kw)));
    }

    /** Job id to {state, reason}, as squeue shows them. */
    private static Map<String, String[]> queue() {
        Map<String, String[]> jobs = new HashMap<>();
        for (String line : slurm.run("squeue", "-h", "-o", "%i|%T|%r").split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.strip().split("\\|", -1);
                jobs.put(f[0], new String[] {f[1], f[2]});
            }
        }
        return jobs;
    }

    private static String state(String id) {
        String[] s = queue().get(id);
        return s == null ? null : s[0];
    }

    private static String partitionState() {
        return PartitionLimit.fields(
                        slurm.run("scontrol", "show", "partition", SlurmCluster.PARTITION, "-o"))
                .get("State");
    }

    private static String adminComment(String job) {
        for (String line : slurm.run("scontrol", "show", "job", job).split("\n")) {
            String l = line.strip();
            if (l.startsWith("AdminComment=")) {
                return l.substring("AdminComment=".length()).strip();
            }
        }
        return "";
    }

    /** A folder where {@code name} runs {@code guard} and then the real command. */
    private static Path wrappers(String name, String guard) throws IOException {
        Path bin = Files.createDirectories(slurm.dir().resolve("bin-" + System.nanoTime()));
        for (String cmd : List.of("squeue", "scontrol")) {
            String log = "echo \"" + cmd + " $*\" >> " + bin.resolve(CALLS) + "\n";
            String body =
                    "#!/bin/sh\n"
                            + log
                            + (cmd.equals(name) ? guard + "\n" : "")
                            + "exec /usr/bin/"
                            + cmd
                            + " \"$@\"\n";
            Path script = bin.resolve(cmd);
            Files.writeString(script, body);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }
}
