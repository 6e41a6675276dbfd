package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.aggregator.api.auth.ApiAuthOptions;
import io.gridshift.aggregator.api.auth.ApiJwt;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.api.auth.AuditEntry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Access control of the REST API over real HTTP: tokens and JWTs, roles, 401/403/429 problems, the
 * audit log, and the open probes. The rate limit runs on the fixture's manual clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityIT {
    static final String VIEWER = "viewer-token-5b0c7d1e9f2a4b6c8d0e1f2a3b4c5d6e";
    static final String OPERATOR = "operator-token-9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d";
    static final String LIMITED = "limited-token-1f2e3d4c5b6a79881f2e3d4c5b6a7988";
    static final String SECRET = "jwt-secret-for-tests-0123456789abcdef0123456789";

    private ApiFixture f;
    private JWTAuth issuer;

    @BeforeAll
    void start() throws Exception {
        ApiAuthOptions auth =
                ApiAuthOptions.defaults()
                        .withTokens(
                                List.of(
                                        ApiToken.parse(
                                                ApiToken.entry("dash", ApiRole.VIEWER, VIEWER)),
                                        ApiToken.parse(
                                                ApiToken.entry("ops", ApiRole.OPERATOR, OPERATOR)),
                                        ApiToken.parse(
                                                ApiToken.entry("script", ApiRole.VIEWER, LIMITED))))
                        .withJwt(new ApiJwt("HS256", SECRET, "https://idp.test", "gridshift"))
                        .withClientRate(1, 30)
                        .withAuditFile(null);
        f = new ApiFixture(auth);
        f.twoSitesReport();
        issuer =
                JWTAuth.create(
                        f.vertx,
                        new JWTAuthOptions()
                                .addPubSecKey(
                                        new PubSecKeyOptions()
                                                .setAlgorithm("HS256")
                                                .setBuffer(SECRET)));
    }

    @AfterAll
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    private HttpResponse<Buffer> call(HttpMethod method, String uri, String bearer, JsonObject body)
            throws Exception {
        HttpRequest<Buffer> r = f.client.request(method, uri);
        if (bearer != null) {
            r.bearerTokenAuthentication(bearer);
        }
        return ApiFixture.await(
                (body == null ? r.send() : r.sendJsonObject(body)).toCompletionStage());
    }

    private static JsonObject order(String id) {
        return new JsonObject()
                .put("id", id)
                .put("site", "dc-a")
                .put("end", ApiFixture.T0.plus(Duration.ofMinutes(30)).toString())
                .put(
                        "actions",
                        new JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("kind", "REDUCE")
                                                .put("resource", "gpu-cap")
                                                .put("reductionKw", 50)));
    }

    /** A JWT signed with the shared secret, expiring {@code expiresInS} from the wall clock. */
    private String jwt(String subject, String issuerName, JsonArray roles, int expiresInS) {
        long exp = System.currentTimeMillis() / 1000 + expiresInS;
        return issuer.generateToken(
                new JsonObject().put("sub", subject).put("roles", roles).put("exp", exp),
                new JWTOptions().setIssuer(issuerName).setAudience(List.of("gridshift")));
    }

    @Test
    void withoutCredentialsEveryApiCallIsRefusedWith401AsAProblem() throws Exception {
        double before = f.metrics.apiRefusedCount("unauthenticated");
        HttpResponse<Buffer> r = call(HttpMethod.GET, "/api/v1/fleet", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("content-type")).isEqualTo("application/problem+json");
        assertThat(r.getHeader("www-authenticate")).startsWith("Bearer realm=\"gridshift\"");
        JsonObject p = r.bodyAsJsonObject();
        assertThat(p.getString("reason")).isEqualTo("missing_credentials");
        assertThat(p.getString("title")).isEqualTo("Unauthorized");
        assertThat(p.getString("instance")).isEqualTo("/api/v1/fleet");
        assertThat(call(HttpMethod.POST, "/api/v1/dispatches", null, order("x-1")).statusCode())
                .isEqualTo(401);
        assertThat(f.metrics.apiRefusedCount("unauthenticated")).isEqualTo(before + 2);
    }

    @Test
    void anUnknownTokenOrAnotherSchemeIsRefusedWithoutEchoingIt() throws Exception {
        HttpResponse<Buffer> r =
                call(HttpMethod.GET, "/api/v1/fleet", "guessed-token-aaaaaaaaaaaaaaaa", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject().getString("reason")).isEqualTo("invalid_token");
        assertThat(r.bodyAsString()).doesNotContain("guessed-token");
        HttpResponse<Buffer> basic =
                ApiFixture.await(
                        f.client
                                .get("/api/v1/fleet")
                                .putHeader("authorization", "Basic b3BzOnNlY3JldA==")
                                .send()
                                .toCompletionStage());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.bodyAsJsonObject().getString("reason")).isEqualTo("bad_scheme");
    }

    @Test
    void aViewerReadsButMayNotDispatchAndTheAttemptIsAudited() throws Exception {
        assertThat(call(HttpMethod.GET, "/api/v1/fleet", VIEWER, null).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> r =
                call(HttpMethod.POST, "/api/v1/dispatches", VIEWER, order("viewer-try"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.bodyAsJsonObject().getString("reason")).isEqualTo("forbidden");
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("needs operator");
        assertThat(f.sent).noneMatch(o -> o.id().value().equals("viewer-try"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> audited("dash").stream().anyMatch(e -> e.detail().startsWith("403")));
    }

    @Test
    void anOperatorDispatchesAndTheActionIsAuditedWithWhatItCreated() throws Exception {
        HttpResponse<Buffer> r =
                call(HttpMethod.POST, "/api/v1/dispatches", OPERATOR, order("ops-made"));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(audited("ops"))
                                        .anySatisfy(
                                                e -> {
                                                    assertThat(e.action())
                                                            .isEqualTo("POST /api/v1/dispatches");
                                                    assertThat(e.target())
                                                            .isEqualTo(
                                                                    "/api/v1/dispatches/ops-made");
                                                    assertThat(e.detail()).isEqualTo("201");
                                                    assertThat(e.at()).isEqualTo(f.clock.instant());
                                                }));
    }

    @Test
    void aJwtFromTheTrustedIssuerCarriesItsRole() throws Exception {
        String operator = jwt("alice", "https://idp.test", new JsonArray().add("operator"), 600);
        assertThat(
                        call(HttpMethod.POST, "/api/v1/dispatches", operator, order("jwt-made"))
                                .statusCode())
                .isEqualTo(201);
        String viewer = jwt("bob", "https://idp.test", new JsonArray().add("viewer"), 600);
        assertThat(call(HttpMethod.GET, "/api/v1/sites", viewer, null).statusCode()).isEqualTo(200);
        assertThat(
                        call(HttpMethod.POST, "/api/v1/dispatches", viewer, order("jwt-no"))
                                .statusCode())
                .isEqualTo(403);
        String none = jwt("carol", "https://idp.test", new JsonArray().add("janitor"), 600);
        assertThat(call(HttpMethod.GET, "/api/v1/sites", none, null).statusCode()).isEqualTo(403);
    }

    @Test
    void aJwtWithoutExpiryIsRefused() throws Exception {
        String forever =
                issuer.generateToken(
                        new JsonObject()
                                .put("sub", "eve")
                                .put("roles", new JsonArray().add("admin")),
                        new JWTOptions()
                                .setIssuer("https://idp.test")
                                .setAudience(List.of("gridshift")));
        HttpResponse<Buffer> r = call(HttpMethod.GET, "/api/v1/fleet", forever, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject().getString("detail")).contains("exp");
    }

    @Test
    void aForgedExpiredOrForeignJwtIsRefused() throws Exception {
        String foreign = jwt("mallory", "https://evil.test", new JsonArray().add("admin"), 600);
        assertThat(call(HttpMethod.GET, "/api/v1/fleet", foreign, null).statusCode())
                .isEqualTo(401);
        String expired = jwt("alice", "https://idp.test", new JsonArray().add("admin"), -120);
        assertThat(call(HttpMethod.GET, "/api/v1/fleet", expired, null).statusCode())
                .isEqualTo(401);
        String good = jwt("alice", "https://idp.test", new JsonArray().add("viewer"), 600);
        String[] parts = good.split("\\.");
        String tampered =
                parts[0]
                        + "."
                        + java.util.Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(
                                        new JsonObject()
                                                .put("sub", "alice")
                                                .put("roles", new JsonArray().add("admin"))
                                                .put("iss", "https://idp.test")
                                                .put("aud", "gridshift")
                                                .encode()
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "."
                        + parts[2];
        HttpResponse<Buffer> r = call(HttpMethod.GET, "/api/v1/fleet", tampered, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject().getString("reason")).isEqualTo("invalid_jwt");
    }

    @Test
    void aClientOverItsRateIsThrottledWhileOthersGoOn() throws Exception {
        // GIVEN a burst of 30 and 1 request a second, on the fixture's manual clock
        int ok = 0;
        HttpResponse<Buffer> last = null;
        for (int i = 0; i < 31; i++) {
            last = call(HttpMethod.GET, "/api/v1/fleet", LIMITED, null);
            ok += last.statusCode() == 200 ? 1 : 0;
        }
        // THEN the 31st is refused with a problem and Retry-After, and another client goes on
        assertThat(ok).isEqualTo(30);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.getHeader("retry-after")).isEqualTo("1");
        assertThat(last.bodyAsJsonObject().getString("reason")).isEqualTo("throttled");
        assertThat(call(HttpMethod.GET, "/api/v1/fleet", VIEWER, null).statusCode()).isEqualTo(200);
        assertThat(f.metrics.apiRefusedCount("throttled")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void healthMetricsAndTheDocumentStayOpenForProbes() throws Exception {
        assertThat(call(HttpMethod.GET, "/health/live", null, null).statusCode()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/health/ready", null, null).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> metrics = call(HttpMethod.GET, "/metrics", null, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.bodyAsString()).contains("gridshift_api_refused_total");
        assertThat(call(HttpMethod.GET, "/openapi.yaml", null, null).statusCode()).isEqualTo(200);
    }

    private List<AuditEntry> audited(String actor) {
        return f.audited.stream().filter(e -> e.actor().equals(actor)).toList();
    }
}
