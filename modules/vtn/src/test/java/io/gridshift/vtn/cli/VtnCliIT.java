package io.gridshift.vtn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The operators' command line against a real VTN: create, modify, cancel, list, refusals. */
class VtnCliIT {
    @TempDir Path folder;
    Vertx vertx;
    String url;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        VtnVerticle vtn =
                new VtnVerticle(
                        new VtnConfig("CLI_VTN", "127.0.0.1", 0, Duration.ofSeconds(10)),
                        new VenRegistry(),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        new ManualClock(Instant.parse("2026-07-01T06:00:00Z")));
        vertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        url = "http://127.0.0.1:" + vtn.port();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = new CommandLine(new VtnCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = url;
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void anEventIsCreatedModifiedAndCancelledFromTheCommandLine() throws Exception {
        Path file = folder.resolve("event.json");
        Files.writeString(file, event(-100));

        assertThat(run("events", "create", file.toString())).as(err.toString()).isZero();
        Files.writeString(file, event(-250));
        assertThat(run("events", "modify", "evt-cli", file.toString(), "--reason", "more"))
                .as(err.toString())
                .isZero();
        assertThat(run("events", "cancel", "evt-cli")).as(err.toString()).isZero();

        assertThat(run("events", "get", "evt-cli")).isZero();
        JsonObject shown = new JsonObject(out.toString().strip());
        assertThat(shown.encode()).contains("CANCELLED").contains("\"modificationNumber\":2");
        assertThat(run("events", "list")).isZero();
        assertThat(out.toString()).contains("evt-cli");
    }

    @Test
    void aRefusedEventExitsOneWithTheVtnsProblemAndAnUnreachableVtnTwo() throws Exception {
        Path file = folder.resolve("bad.json");
        Files.writeString(file, "{\"eventId\":\"evt-bad\",\"venIds\":[]}");
        assertThat(run("events", "create", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 400").contains("venIds");

        url = "http://127.0.0.1:1";
        assertThat(run("events", "list")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot be reached");
    }

    static String event(double kw) {
        return new JsonObject()
                .put("eventId", "evt-cli")
                .put("venIds", new io.vertx.core.json.JsonArray().add("ven-1"))
                .put("start", "2026-07-02T14:00:00Z")
                .put(
                        "signals",
                        new io.vertx.core.json.JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("name", "LOAD_DISPATCH")
                                                .put("type", "DELTA")
                                                .put("unit", "kW")
                                                .put(
                                                        "intervals",
                                                        new io.vertx.core.json.JsonArray()
                                                                .add(
                                                                        new JsonObject()
                                                                                .put(
                                                                                        "duration",
                                                                                        "PT1H")
                                                                                .put(
                                                                                        "value",
                                                                                        kw)))))
                .encode();
    }
}
