package io.gridshift.vtn;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a VTN. System properties: {@code gridshift.vtn.id} (default {@code GRIDSHIFT_VTN}), {@code
 * gridshift.vtn.host} ({@code 0.0.0.0}), {@code gridshift.vtn.port} ({@code 8080}), {@code
 * gridshift.vtn.pollSeconds} ({@code 10}); HTTPS with mutual TLS when {@code
 * gridshift.vtn.tls.cert}, {@code .key} and {@code .ca} (PEM paths) are set, {@code
 * gridshift.vtn.tls.fingerprints} the admitted VEN certificates (comma-separated; empty: any the CA
 * signed); {@code gridshift.vtn.folder} keeps registrations across restarts.
 */
public final class VtnMain {
    private static final Logger LOG = LoggerFactory.getLogger(VtnMain.class);

    private VtnMain() {}

    public static void main(String[] args) {
        VtnConfig config =
                new VtnConfig(
                        System.getProperty("gridshift.vtn.id", "GRIDSHIFT_VTN"),
                        System.getProperty("gridshift.vtn.host", "0.0.0.0"),
                        Integer.getInteger("gridshift.vtn.port", 8080),
                        Duration.ofSeconds(Integer.getInteger("gridshift.vtn.pollSeconds", 10)));
        String cert = System.getProperty("gridshift.vtn.tls.cert");
        if (cert != null) {
            String admitted = System.getProperty("gridshift.vtn.tls.fingerprints", "");
            config =
                    config.withTls(
                            new VtnTls(
                                    Path.of(cert),
                                    Path.of(System.getProperty("gridshift.vtn.tls.key")),
                                    Path.of(System.getProperty("gridshift.vtn.tls.ca")),
                                    admitted.isBlank() ? Set.of() : Set.of(admitted.split(","))));
        }
        String folder = System.getProperty("gridshift.vtn.folder");
        if (folder != null) {
            config = config.withFolder(Path.of(folder));
        }
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(
                        new VtnVerticle(
                                config,
                                config.folder() == null
                                        ? new VenRegistry()
                                        : VenRegistry.persistent(
                                                config.folder().resolve("vens.json")),
                                new InMemoryEventStore(),
                                new OadrCodec(),
                                Clock.systemUTC()))
                .onFailure(
                        e -> {
                            LOG.error("VTN failed to start", e);
                            vertx.close();
                        });
    }
}
