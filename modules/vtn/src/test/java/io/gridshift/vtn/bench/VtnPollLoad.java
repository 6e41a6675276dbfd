package io.gridshift.vtn.bench;

import io.gridshift.fixtures.tls.TlsMaterial;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnTls;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openadr.oadr20b.OadrCreatePartyRegistrationType;
import org.openadr.oadr20b.OadrPollType;
import org.openadr.oadr20b.OadrTransportType;

/**
 * Load runner, not a test: starts a VTN in this JVM (HTTPS with mutual TLS 1.2 unless {@code
 * -Dbench.tls=false}), registers {@code bench.vens} VENs (1,000), then has every VEN poll in a
 * closed loop (the next poll as soon as the answer came) for {@code bench.seconds} after {@code
 * bench.warmup} seconds, over one connection per VEN, and prints polls/s and latency p50/p99/max.
 * The VENs share one client certificate (a gateway's): the VTN still checks the binding on every
 * poll. Client and VTN share the machine's cores, so the figure is a floor. Never fails on time.
 *
 * <p>{@code mvn -B -o -Pbench -pl modules/vtn verify} (see {@code modules/vtn/bench.sh}).
 */
@SuppressWarnings("checkstyle:noPrint")
public final class VtnPollLoad {
    private VtnPollLoad() {}

    public static void main(String[] args) throws Exception {
        int vens = Integer.getInteger("bench.vens", 1000);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 5);
        boolean useTls = Boolean.parseBoolean(System.getProperty("bench.tls", "true"));
        try (TlsMaterial tls = TlsMaterial.create("unused").addParty("bench-ven")) {
            run(vens, seconds, warmup, useTls ? tls : null);
        }
        System.exit(0);
    }

    static void run(int vens, int seconds, int warmup, TlsMaterial tls) throws Exception {
        Vertx server = Vertx.vertx();
        VtnConfig config = new VtnConfig("BENCH_VTN", "127.0.0.1", 0, Duration.ofSeconds(10));
        if (tls != null) {
            config =
                    config.withTls(
                            new VtnTls(tls.serverPem(), tls.serverKey(), tls.caPem(), Set.of()));
        }
        VtnVerticle vtn =
                new VtnVerticle(
                        config,
                        new VenRegistry(),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        Clock.systemUTC());
        server.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        Vertx clientVertx = Vertx.vertx();
        HttpClient client = client(clientVertx, tls, vens);
        String scheme = tls == null ? "http" : "https";
        String base = scheme + "://127.0.0.1:" + vtn.port() + "/OpenADR2/Simple/2.0b/";
        Buffer[] polls = registerAll(client, base, vens, tls != null);

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        // latency histogram in 10-microsecond buckets up to 10 s
        AtomicLongArray histogram = new AtomicLongArray(1_000_000);
        CountDownLatch stopped = new CountDownLatch(vens);
        for (int i = 0; i < vens; i++) {
            loop(
                    client,
                    base + "OadrPoll",
                    polls[i],
                    running,
                    measuring,
                    count,
                    errors,
                    histogram,
                    stopped);
        }
        TimeUnit.SECONDS.sleep(warmup);
        measuring.set(true);
        long start = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        stopped.await(30, TimeUnit.SECONDS);

        long n = count.get();
        System.out.printf(
                "VENs %d, %d polls in %.1f s: %.0f polls/s; latency p50 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms; errors %d; cores %d%n",
                vens,
                n,
                elapsed,
                n / elapsed,
                percentile(histogram, n, 0.50),
                percentile(histogram, n, 0.99),
                percentile(histogram, n, 1.0),
                errors.get(),
                Runtime.getRuntime().availableProcessors());
        clientVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static HttpClient client(Vertx vertx, TlsMaterial tls, int vens) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true);
        if (tls != null) {
            options.setSsl(true)
                    .setVerifyHost(false)
                    .setKeyCertOptions(
                            new PemKeyCertOptions()
                                    .setCertPath(tls.pem("bench-ven").toString())
                                    .setKeyPath(tls.key("bench-ven").toString()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(tls.caPem().toString()));
        }
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(vens));
    }

    /** Registers the VENs one after the other; the poll document of each. */
    private static Buffer[] registerAll(HttpClient client, String base, int vens, boolean tls)
            throws Exception {
        OadrCodec codec = new OadrCodec();
        long t0 = System.nanoTime();
        Buffer[] polls = new Buffer[vens];
        for (int i = 0; i < vens; i++) {
            String venId = String.format("bench-ven-%04d", i);
            Buffer registration = Buffer.buffer(codec.write(OadrMessages.payload(register(venId))));
            post(client, base + "EiRegisterParty", registration)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            polls[i] = Buffer.buffer(codec.write(OadrMessages.payload(poll(venId))));
        }
        System.out.printf(
                "registered %d VENs in %.1f s (%s)%n",
                vens, (System.nanoTime() - t0) / 1e9, tls ? "mutual TLS 1.2" : "plain HTTP");
        return polls;
    }

    private static void loop(
            HttpClient client,
            String uri,
            Buffer poll,
            AtomicBoolean running,
            AtomicBoolean measuring,
            AtomicLong count,
            AtomicLong errors,
            AtomicLongArray histogram,
            CountDownLatch stopped) {
        if (!running.get()) {
            stopped.countDown();
            return;
        }
        long sent = System.nanoTime();
        post(client, uri, poll)
                .onComplete(
                        done -> {
                            if (measuring.get()) {
                                if (done.succeeded()) {
                                    long micros = (System.nanoTime() - sent) / 1000;
                                    histogram.incrementAndGet(
                                            (int) Math.min(histogram.length() - 1, micros / 10));
                                    count.incrementAndGet();
                                } else {
                                    errors.incrementAndGet();
                                }
                            }
                            loop(
                                    client, uri, poll, running, measuring, count, errors, histogram,
                                    stopped);
                        });
    }

    private static Future<Buffer> post(HttpClient client, String uri, Buffer body) {
        return client.request(
                        new RequestOptions()
                                .setMethod(HttpMethod.POST)
                                .setAbsoluteURI(uri)
                                .putHeader("content-type", "application/xml"))
                .compose(req -> req.send(body))
                .compose(
                        resp ->
                                resp.statusCode() == 200
                                        ? resp.body()
                                        : Future.failedFuture("HTTP " + resp.statusCode()))
                .compose(
                        b ->
                                b.toString().contains("<ei:responseCode>200</ei:responseCode>")
                                        ? Future.succeededFuture(b)
                                        : Future.failedFuture("not 200: " + b));
    }

    private static double percentile(AtomicLongArray histogram, long n, double q) {
        long target = Math.max(1, (long) Math.ceil(n * q));
        long seen = 0;
        for (int i = 0; i < histogram.length(); i++) {
            seen += histogram.get(i);
            if (seen >= target) {
                return (i + 1) * 10 / 1000.0;
            }
        }
        return Double.NaN;
    }

    private static OadrCreatePartyRegistrationType register(String venId) {
        OadrCreatePartyRegistrationType r = new OadrCreatePartyRegistrationType();
        r.setSchemaVersion("2.0b");
        r.setRequestID("reg-" + venId);
        r.setVenID(venId);
        r.setOadrProfileName("2.0b");
        r.setOadrTransportName(OadrTransportType.SIMPLE_HTTP);
        r.setOadrReportOnly(false);
        r.setOadrXmlSignature(false);
        r.setOadrHttpPullModel(true);
        return r;
    }

    private static OadrPollType poll(String venId) {
        OadrPollType p = new OadrPollType();
        p.setSchemaVersion("2.0b");
        p.setVenID(venId);
        return p;
    }
}
