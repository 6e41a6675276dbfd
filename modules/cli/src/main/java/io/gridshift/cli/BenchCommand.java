package io.gridshift.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridshift bench [NAME]}: the benchmarks and load runners, and the command that runs each.
 * They live in {@code test-harness/bench}, outside the launcher's jar (JMH and the load runners
 * would double its size), so this prints how to run them rather than running them.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the benchmarks and load runners of test-harness/bench and how to run each;"
                    + " with NAME, only that one.",
            "They run from a source checkout (they build their own jar), and print their figures.",
        })
public final class BenchCommand implements Callable<Integer> {
    /**
     * One runner: its name, the command that runs it from the repository root, what it measures.
     */
    record Runner(String name, String command, String measures) {}

    static final List<Runner> RUNNERS =
            List.of(
                    new Runner(
                            "edge-codec",
                            "test-harness/bench/run.sh Edge",
                            "edge telemetry decode/encode, JSON and CBOR (JMH)"),
                    new Runner(
                            "oadr-codec",
                            "test-harness/bench/run.sh Oadr",
                            "OpenADR 24-interval oadrDistributeEvent read+write (JMH)"),
                    new Runner(
                            "agent-footprint",
                            "test-harness/bench/footprint.sh 1",
                            "one edge agent's CPU and heap against a Mosquitto process"),
                    new Runner(
                            "agents-1000",
                            "test-harness/bench/footprint.sh 1000",
                            "1,000 simulated sites in one JVM at 1 Hz"),
                    new Runner(
                            "mqtt-ingest",
                            "test-harness/bench/aggregator-load.sh mqtt",
                            "telemetry msg/s a node ingests over MQTT"),
                    new Runner(
                            "dispatch",
                            "test-harness/bench/aggregator-load.sh dispatch",
                            "issue -> ACCEPTED latency for 1,000 orders"),
                    new Runner(
                            "heap",
                            "test-harness/bench/aggregator-load.sh heap",
                            "fleet state heap per site"),
                    new Runner(
                            "coap-ingest",
                            "test-harness/bench/aggregator-load.sh coap",
                            "telemetry msg/s a node ingests over CoAP"),
                    new Runner(
                            "storage",
                            "test-harness/bench/storage.sh",
                            "ledger write and settlement throughput"),
                    new Runner(
                            "dayahead",
                            "test-harness/bench/dayahead.sh size",
                            "day-ahead plan, 100 sites x 96 slots x 10,000 jobs: time, gap"),
                    new Runner(
                            "dayahead-year",
                            "test-harness/bench/dayahead.sh year",
                            "365 daily plans on 2022 carbon data: savings per policy"));

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "One runner's name.")
    String name;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Runner> shown =
                name == null
                        ? RUNNERS
                        : RUNNERS.stream().filter(r -> r.name().equals(name)).toList();
        if (shown.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "unknown runner '"
                            + name
                            + "'; known: "
                            + String.join(", ", RUNNERS.stream().map(Runner::name).toList()));
        }
        for (Runner r : shown) {
            out.printf("%-16s %-46s %s%n", r.name(), r.command(), r.measures());
        }
        out.println();
        out.println("Run from the repository root; see test-harness/bench/README.md for figures.");
        out.flush();
        return 0;
    }
}
