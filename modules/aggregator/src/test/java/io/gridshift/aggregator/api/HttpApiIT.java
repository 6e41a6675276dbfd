package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/** The REST API over a real single-member cluster: what an operator reads and issues. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpApiIT {
    private ApiFixture f;

    @BeforeAll
    void start() throws Exception {
        f = new ApiFixture();
        f.twoSitesReport();
    }

    @AfterAll
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void fleetTotalsCountBothSites() {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            HttpResponse<Buffer> r = f.get("/api/v1/fleet");
                            assertThat(r.statusCode()).isEqualTo(200);
                            JsonObject fleet = r.bodyAsJsonObject();
                            assertThat(fleet.getLong("sitesKnown")).isEqualTo(2);
                            assertThat(fleet.getLong("sitesOnline")).isEqualTo(2);
                            assertThat(fleet.getDouble("loadKw")).isCloseTo(1520, within(0.01));
                            assertThat(fleet.getDouble("itKw")).isCloseTo(1200, within(0.01));
                            assertThat(fleet.getDouble("hostingKw")).isCloseTo(200, within(0.01));
                            assertThat(fleet.getDouble("flexKw")).isCloseTo(150, within(0.01));
                            assertThat(fleet.getJsonObject("flexByKindKw").getDouble("POWER_CAP"))
                                    .isCloseTo(150, within(0.01));
                            JsonArray zones = fleet.getJsonArray("zones");
                            assertThat(zones).hasSize(2);
                            assertThat(zones.getJsonObject(0).getString("zone")).isEqualTo("DE-LU");
                            assertThat(zones.getJsonObject(0).getDouble("loadKw"))
                                    .isCloseTo(1020, within(0.01));
                            assertThat(zones.getJsonObject(1).getString("zone")).isEqualTo("FR");
                            assertThat(zones.getJsonObject(1).getDouble("loadKw"))
                                    .isCloseTo(500, within(0.01));
                        });
    }

    @Test
    void sitesArePagedAndFiltered() throws Exception {
        JsonObject all = f.get("/api/v1/sites").bodyAsJsonObject();
        assertThat(all.getInteger("total")).isEqualTo(2);
        assertThat(all.getInteger("limit")).isEqualTo(100);
        assertThat(all.getJsonArray("sites").getJsonObject(0).getString("site")).isEqualTo("dc-a");

        JsonObject second = f.get("/api/v1/sites?offset=1&limit=1").bodyAsJsonObject();
        assertThat(second.getInteger("total")).isEqualTo(2);
        assertThat(second.getJsonArray("sites")).hasSize(1);
        assertThat(second.getJsonArray("sites").getJsonObject(0).getString("site"))
                .isEqualTo("dc-b");

        JsonObject fr = f.get("/api/v1/sites?zone=FR&presence=ONLINE").bodyAsJsonObject();
        assertThat(fr.getInteger("total")).isEqualTo(1);
        assertThat(f.get("/api/v1/sites?presence=STALE").bodyAsJsonObject().getInteger("total"))
                .isZero();
    }

    @Test
    void siteDetailShowsWhatTheSiteReported() throws Exception {
        HttpResponse<Buffer> r = f.get("/api/v1/sites/dc-a");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject site = r.bodyAsJsonObject();
        assertThat(site.getString("presence")).isEqualTo("ONLINE");
        assertThat(site.getString("transport")).isEqualTo("MQTT");
        assertThat(site.getString("node")).isEqualTo("node-1");
        assertThat(site.getString("agentVersion")).isEqualTo("1.4.2");
        assertThat(site.getString("zone")).isEqualTo("DE-LU");
        assertThat(site.getString("lastSeen")).isEqualTo(ApiFixture.T0.toString());
        assertThat(site.getJsonObject("latest").encode()).contains("1020");
        assertThat(site.getJsonObject("envelope").encode()).contains("gpu-cap");
        JsonObject quality = site.getJsonObject("quality");
        assertThat(quality.getLong("received")).isEqualTo(3);
        assertThat(quality.getDouble("completeness")).isEqualTo(1.0);
        JsonObject counted = site.getJsonObject("counted");
        assertThat(counted.getBoolean("online")).isTrue();
        assertThat(counted.getDouble("loadKw")).isCloseTo(1020, within(0.01));
        assertThat(counted.getDouble("flexKw")).isCloseTo(150, within(0.01));
    }

    @Test
    void telemetryWindowDefaultsToTheLastTenMinutes() throws Exception {
        JsonObject all = f.get("/api/v1/sites/dc-a/telemetry").bodyAsJsonObject();
        assertThat(all.getString("since")).isEqualTo("2025-06-01T11:50:00Z");
        JsonArray samples = all.getJsonArray("samples");
        assertThat(samples).hasSize(3);
        assertThat(samples.getJsonObject(0).getLong("seq")).isEqualTo(1);
        assertThat(samples.getJsonObject(2).getDouble("facilityKw")).isCloseTo(1020, within(0.01));

        JsonObject recent =
                f.get("/api/v1/sites/dc-a/telemetry?since=2025-06-01T11:58:30Z").bodyAsJsonObject();
        assertThat(recent.getJsonArray("samples")).hasSize(2);
    }

    @Test
    void unknownSiteIsA404Problem() throws Exception {
        HttpResponse<Buffer> r = f.get("/api/v1/sites/dc-nowhere");
        assertProblem(r, 404, "unknown_site");
        assertThat(r.bodyAsJsonObject().getString("instance"))
                .isEqualTo("/api/v1/sites/dc-nowhere");
        assertProblem(f.get("/api/v1/sites/dc-nowhere/telemetry"), 404, "unknown_site");
        assertProblem(f.get("/api/v1/dispatches/d-none"), 404, "unknown_dispatch");
        HttpResponse<Buffer> badId = f.get("/api/v1/sites/Not_An_Id");
        assertProblem(badId, 400, "pattern");
        assertThat(badId.bodyAsJsonObject().getString("field")).isEqualTo("siteId");
    }

    @Test
    void unknownRouteIsA404Problem() throws Exception {
        assertProblem(f.get("/api/v1/nothing-here"), 404, "not_found");
    }

    @Test
    void badQueryParameterIsA400ProblemNamingIt() throws Exception {
        HttpResponse<Buffer> r = f.get("/api/v1/sites?limit=abc");
        assertProblem(r, 400, null);
        assertThat(r.bodyAsJsonObject().getString("field")).as(r.bodyAsString()).isEqualTo("limit");
        assertThat(r.bodyAsJsonObject().getString("rule")).isEqualTo("type");

        HttpResponse<Buffer> tooMany = f.get("/api/v1/sites?limit=1001");
        assertProblem(tooMany, 400, "maximum");
        assertThat(tooMany.bodyAsJsonObject().getString("field"))
                .as(tooMany.bodyAsString())
                .isEqualTo("limit");
    }

    @Test
    void unreadableSinceIsA400NamingIt() throws Exception {
        HttpResponse<Buffer> r = f.get("/api/v1/sites/dc-a/telemetry?since=yesterday");
        assertProblem(r, 400, null);
        assertThat(r.bodyAsJsonObject().getString("field")).as(r.bodyAsString()).isEqualTo("since");
        assertThat(r.bodyAsJsonObject().getString("rule")).isEqualTo("format");
    }

    private static void assertProblem(HttpResponse<Buffer> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        JsonObject p = r.bodyAsJsonObject();
        assertThat(p.getInteger("status")).isEqualTo(status);
        assertThat(p.getString("title")).isNotBlank();
        assertThat(p.getString("instance")).startsWith("/");
        assertThat(p.getString("type")).startsWith("https://gridshift.io/problems/");
        assertThat(p.getString("type")).endsWith("/" + p.getString("reason"));
        if (reason != null) {
            assertThat(p.getString("reason")).isEqualTo(reason);
        }
        assertThat(p.encode()).doesNotContain("\tat ", "Exception");
    }

    static void problem(HttpResponse<Buffer> r, int status, String reason) {
        assertProblem(r, status, reason);
    }

    @Test
    void openApiDocumentIsServedVerbatim() throws Exception {
        HttpResponse<Buffer> r = f.get("/openapi.yaml");
        assertThat(r.statusCode()).isEqualTo(200);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(HttpApi.OPENAPI)) {
            assertThat(r.bodyAsString()).isEqualTo(new String(in.readAllBytes(), "UTF-8"));
        }
        Map<String, Object> doc = new Yaml().load(r.bodyAsString());
        assertThat((String) doc.get("openapi")).startsWith("3.");
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        assertThat(paths)
                .containsKeys("/api/v1/fleet", "/api/v1/sites/{siteId}", "/api/v1/dispatches");
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<Buffer> r = f.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.getHeader("content-type"))
                .isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.bodyAsString()).contains("gridshift_ingest_messages_total");
    }

    @Test
    void liveWhileRunningReadyOnlyWhenEveryProbeIsUp() throws Exception {
        HttpResponse<Buffer> live = f.get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        assertThat(f.get("/health/ready").statusCode()).isEqualTo(200);
        f.brokerUp.set(false);
        try {
            HttpResponse<Buffer> down = f.get("/health/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
            assertThat(f.get("/health/live").statusCode()).isEqualTo(200);
        } finally {
            f.brokerUp.set(true);
        }
        assertThat(f.get("/health/ready").statusCode()).isEqualTo(200);
    }

    ApiFixture fixture() {
        return f;
    }
}
