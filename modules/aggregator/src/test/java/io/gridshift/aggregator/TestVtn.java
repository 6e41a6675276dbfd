package io.gridshift.aggregator;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real VTN of {@code modules/vtn} for the aggregator's tests: a free port, the test's clock.
 */
public final class TestVtn {
    private TestVtn() {}

    /** Deploys a VTN named {@code vtnId} on {@code vertx}, polled every second, ids n1, n2, .... */
    public static VtnVerticle deploy(Vertx vertx, String vtnId, Clock clock) throws Exception {
        AtomicInteger ids = new AtomicInteger();
        return deploy(
                vertx,
                new VtnConfig(vtnId, "127.0.0.1", 0, Duration.ofSeconds(1)),
                new VenRegistry(() -> "n" + ids.incrementAndGet()),
                clock);
    }

    /** Deploys a VTN of {@code config} with {@code registry} and an in-memory event store. */
    public static VtnVerticle deploy(
            Vertx vertx, VtnConfig config, VenRegistry registry, Clock clock) throws Exception {
        VtnVerticle vtn =
                new VtnVerticle(config, registry, new InMemoryEventStore(), new OadrCodec(), clock);
        vertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return vtn;
    }
}
