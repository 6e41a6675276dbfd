package io.gridshift.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gridshift demo}: the whole system in one JVM, offline, on an accelerated clock. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts, in this JVM and offline: a VTN, one aggregator (embedded MQTT broker, H2"
                    + " ledger, its VEN) and simulated data centers in four zones (CN-SH, CN-GD,"
                    + " CN-NM, CN-GS), runs simulated time fast, has the VTN issue a peak-shaving"
                    + " event, prints progress and a summary, then keeps serving the dashboard"
                    + " until stopped (Ctrl-C).",
        })
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--sites",
            defaultValue = "50",
            description = "Data centers. Default: ${DEFAULT-VALUE}")
    int sites;

    @Option(
            names = "--start",
            defaultValue = "2026-07-01T12:00:00Z",
            description = "Simulated start (UTC). Default: ${DEFAULT-VALUE}")
    Instant start;

    @Option(
            names = "--span",
            defaultValue = "PT4H",
            description = "Simulated time to run through. Default: ${DEFAULT-VALUE}")
    Duration span;

    @Option(
            names = "--step",
            defaultValue = "PT30S",
            description =
                    "Simulated time per step (each site reports once). Default: ${DEFAULT-VALUE}")
    Duration step;

    @Option(
            names = "--event-after",
            defaultValue = "PT1H",
            description =
                    "When the VTN creates the event, after the start. Default: ${DEFAULT-VALUE}")
    Duration eventAfter;

    @Option(
            names = "--event-lead",
            defaultValue = "PT30M",
            description = "Notice before the event starts. Default: ${DEFAULT-VALUE}")
    Duration eventLead;

    @Option(
            names = "--event-length",
            defaultValue = "PT1H",
            description = "How long the event lasts. Default: ${DEFAULT-VALUE}")
    Duration eventLength;

    @Option(
            names = "--request-share",
            defaultValue = "0.3",
            description =
                    "Share of the flexibility measured in the event's zones (CN-SH, CN-GD) that"
                            + " the event asks for. Default: ${DEFAULT-VALUE}")
    double requestShare;

    @Option(
            names = "--http-port",
            defaultValue = "8080",
            description =
                    "The aggregator's API and dashboard port (0: a free one). Default: ${DEFAULT-VALUE}")
    int httpPort;

    @Option(names = "--exit", description = "Stop after the summary instead of serving on.")
    boolean exit;

    @Option(
            names = "--migrate",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Let the aggregator move migratable jobs out of the event's zones to the"
                            + " cheap, green ones (--no-migrate: shed in place only). Default:"
                            + " on.")
    boolean migrate;

    @Spec CommandSpec spec;

    /** The demo's options; a bad combination is a usage error naming the rule. */
    DemoOptions options() {
        try {
            return new DemoOptions(
                    sites,
                    start,
                    span,
                    step,
                    eventAfter,
                    eventLead,
                    eventLength,
                    requestShare,
                    httpPort,
                    !exit,
                    migrate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        DemoOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch closed = new CountDownLatch(1);
        try (Demo demo = new Demo(options, out)) {
            demo.run();
            if (options.keepServing()) {
                out.println("serving on in real time; Ctrl-C stops the demo");
                out.flush();
                Thread main = Thread.currentThread();
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(
                                        () -> {
                                            // the demo's parts close on the main thread
                                            main.interrupt();
                                            try {
                                                closed.await(30, TimeUnit.SECONDS);
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                        },
                                        "gridshift-demo-shutdown"));
                try {
                    demo.serve();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
