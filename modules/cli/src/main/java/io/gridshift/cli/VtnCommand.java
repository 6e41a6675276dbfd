package io.gridshift.cli;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnTls;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gridshift vtn}: an OpenADR 2.0b VTN until the process is stopped. Every option has an
 * environment variable ({@code GRIDSHIFT_VTN_*}); options may also be read from a file with
 * picocli's {@code @FILE}.
 */
@Command(
        name = "vtn",
        mixinStandardHelpOptions = true,
        description = {
            "Runs an OpenADR 2.0b VTN until stopped: VENs register and poll (or are pushed to)"
                    + " on its OpenADR endpoints; grid operators create events with"
                    + " POST /api/v1/events.",
            "Each option's default comes from the environment variable named after it;"
                    + " @FILE reads options from FILE, one a line.",
        })
public final class VtnCommand implements Callable<Integer> {
    @Option(
            names = "--id",
            defaultValue = "${env:GRIDSHIFT_VTN_ID:-GRIDSHIFT_VTN}",
            description =
                    "The vtnID sent in every message (GRIDSHIFT_VTN_ID). Default: ${DEFAULT-VALUE}")
    String id;

    @Option(
            names = "--host",
            defaultValue = "${env:GRIDSHIFT_VTN_HOST:-127.0.0.1}",
            description = "Address to listen on (GRIDSHIFT_VTN_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(
            names = "--port",
            defaultValue = "${env:GRIDSHIFT_VTN_PORT:-8081}",
            description = "Port; 0 for a free one (GRIDSHIFT_VTN_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--poll-seconds",
            defaultValue = "${env:GRIDSHIFT_VTN_POLL_SECONDS:-10}",
            description =
                    "How often VENs are asked to poll (GRIDSHIFT_VTN_POLL_SECONDS)."
                            + " Default: ${DEFAULT-VALUE}")
    long pollSeconds;

    @Option(
            names = "--folder",
            defaultValue = "${env:GRIDSHIFT_VTN_FOLDER}",
            description = "Keep registrations here across restarts (GRIDSHIFT_VTN_FOLDER).")
    Path folder;

    @Option(
            names = "--tls-cert",
            defaultValue = "${env:GRIDSHIFT_VTN_TLS_CERT}",
            description = "PEM certificate: HTTPS with mutual TLS (GRIDSHIFT_VTN_TLS_CERT).")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            defaultValue = "${env:GRIDSHIFT_VTN_TLS_KEY}",
            description = "PEM private key of --tls-cert (GRIDSHIFT_VTN_TLS_KEY).")
    Path tlsKey;

    @Option(
            names = "--tls-ca",
            defaultValue = "${env:GRIDSHIFT_VTN_TLS_CA}",
            description = "PEM CA the VENs' certificates chain to (GRIDSHIFT_VTN_TLS_CA).")
    Path tlsCa;

    @Option(
            names = "--tls-fingerprints",
            split = ",",
            defaultValue = "${env:GRIDSHIFT_VTN_TLS_FINGERPRINTS}",
            description =
                    "Admitted VEN certificate fingerprints, comma-separated; none: any the CA"
                            + " signed (GRIDSHIFT_VTN_TLS_FINGERPRINTS).")
    List<String> fingerprints;

    @Spec CommandSpec spec;

    /** The VTN's settings; TLS needs its three files together. */
    VtnConfig config() {
        if (pollSeconds <= 0) {
            throw new ParameterException(
                    spec.commandLine(), "--poll-seconds must be positive, got " + pollSeconds);
        }
        VtnConfig config;
        try {
            config = new VtnConfig(id, host, port, Duration.ofSeconds(pollSeconds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean anyTls = tlsCert != null || tlsKey != null || tlsCa != null;
        if (anyTls) {
            if (tlsCert == null || tlsKey == null || tlsCa == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--tls-cert, --tls-key and --tls-ca go together: give all three or none");
            }
            config =
                    config.withTls(
                            new VtnTls(
                                    tlsCert,
                                    tlsKey,
                                    tlsCa,
                                    fingerprints == null ? Set.of() : Set.copyOf(fingerprints)));
        }
        return folder == null ? config : config.withFolder(folder);
    }

    @Override
    public Integer call() throws Exception {
        VtnConfig config = config();
        Vertx vertx = Vertx.vertx();
        VtnVerticle vtn =
                new VtnVerticle(
                        config,
                        config.folder() == null
                                ? new VenRegistry()
                                : VenRegistry.persistent(config.folder().resolve("vens.json")),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        Clock.systemUTC());
        try {
            vertx.deployVerticle(vtn)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "VTN %s listening on %s://%s:%d%n",
                        config.vtnId(), config.tls() == null ? "http" : "https", host, vtn.port());
        spec.commandLine().getOut().flush();
        Processes.runUntilStopped(
                "vtn",
                () ->
                        vertx.close()
                                .toCompletionStage()
                                .toCompletableFuture()
                                .get(30, TimeUnit.SECONDS));
        return 0;
    }
}
