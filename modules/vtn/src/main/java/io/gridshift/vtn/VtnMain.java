package io.gridshift.vtn;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a VTN. System properties: {@code gridshift.vtn.id} (default {@code GRIDSHIFT_VTN}), {@code
 * gridshift.vtn.host} ({@code 0.0.0.0}), {@code gridshift.vtn.port} ({@code 8080}), {@code
 * gridshift.vtn.pollSeconds} ({@code 10}).
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
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(
                        new VtnVerticle(
                                config,
                                new VenRegistry(),
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
