package io.gridshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.aggregator.AggregatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GridshiftCommandTest {
    @TempDir Path folder;

    record Run(int status, String out, String err) {}

    static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(GridshiftMain.commandLine(), args);
    }

    @Test
    void helpNamesEveryCommand() {
        Run r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains("Usage: gridshift")
                .contains("aggregator", "agent", "vtn", "demo", "bench");
    }

    @Test
    void everyCommandHasItsOwnHelp() {
        for (String command : new String[] {"aggregator", "agent", "vtn", "demo", "bench"}) {
            Run r = run(command, "--help");
            assertThat(r.status()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: gridshift " + command);
        }
        assertThat(run("demo", "--help").out()).contains("--sites", "--span", "--http-port");
        assertThat(run("vtn", "--help").out()).contains("GRIDSHIFT_VTN_PORT", "Default: 8081");
    }

    @Test
    void versionIsTheProjects() {
        Run r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("gridshift 0.").doesNotContain("${");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(run().status()).isEqualTo(2);
        Run unknown = run("frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
    }

    @Test
    void aggregatorReadsTheFileAndTheEnvironmentOverridesIt() throws Exception {
        Path file = folder.resolve("aggregator.properties");
        Files.writeString(file, "http.port=9001\ncoap.port=5699\n");
        AggregatorCommand command =
                new AggregatorCommand(Map.of("GRIDSHIFT_AGGREGATOR_HTTP_PORT", "9002"));
        new CommandLine(command).parseArgs(file.toString());
        AggregatorOptions options = command.options();
        assertThat(options.httpPort()).isEqualTo(9002);
        assertThat(options.coapPort()).isEqualTo(5699);
    }

    @Test
    void aBadAggregatorSettingExitsWithTwoAndNamesIt() throws Exception {
        Path file = folder.resolve("bad.properties");
        Files.writeString(file, "http.port=seventy\n");
        Run r = run("aggregator", "--check", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("aggregator: bad configuration").contains("http.port");
    }

    @Test
    void aggregatorCheckAcceptsGoodSettingsAndOptionsPrintsTheTable() throws Exception {
        Path file = folder.resolve("good.properties");
        Files.writeString(file, "http.port=9003\n");
        assertThat(run("aggregator", "--check", file.toString()).out())
                .contains("settings are valid");
        assertThat(run("aggregator", "--options").out()).contains("GRIDSHIFT_AGGREGATOR_HTTP_PORT");
        assertThat(run("agent", "--options").out()).contains("GRIDSHIFT_AGENT_");
    }

    @Test
    void agentWithoutItsFileIsAUsageError() {
        Run r = run("agent");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing the agent's settings file");
    }

    @Test
    void vtnTlsNeedsItsThreeFilesTogether() {
        Run r = run("vtn", "--tls-cert", "cert.pem");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--tls-cert, --tls-key and --tls-ca go together");
        assertThat(run("vtn", "--poll-seconds", "0").err())
                .contains("--poll-seconds must be positive");
    }

    @Test
    void vtnOptionsParse() {
        VtnCommand vtn = new VtnCommand();
        CommandLine cli = new CommandLine(vtn);
        cli.parseArgs("--port", "0", "--id", "VTN_X", "--poll-seconds", "3");
        var config = vtn.config();
        assertThat(config.vtnId()).isEqualTo("VTN_X");
        assertThat(config.port()).isZero();
        assertThat(config.pollFrequency()).hasSeconds(3);
        assertThat(config.tls()).isNull();
    }

    @Test
    void benchListsRunnersAndRefusesAnUnknownOne() {
        Run all = run("bench");
        assertThat(all.status()).isZero();
        assertThat(all.out()).contains("test-harness/bench/run.sh Edge", "aggregator-load.sh mqtt");
        Run one = run("bench", "dispatch");
        assertThat(one.out()).contains("aggregator-load.sh dispatch").doesNotContain("run.sh Edge");
        Run unknown = run("bench", "nope");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown runner 'nope'", "mqtt-ingest");
    }

    @Test
    void demoRefusesAnEventThatEndsAfterTheSpan() {
        Run r = run("demo", "--span", "PT1H", "--event-after", "PT50M");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("must end within the span");
        assertThat(run("demo", "--sites", "0").err()).contains("sites must be 1 to 1000");
    }
}
