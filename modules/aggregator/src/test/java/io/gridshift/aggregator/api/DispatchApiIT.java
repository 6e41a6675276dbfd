package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The operators' manual dispatch through the REST API, over a real single-member cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DispatchApiIT {
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

    private static JsonObject reduce(String site, String id) {
        return new JsonObject()
                .put("id", id)
                .put("site", site)
                .put("end", ApiFixture.T0.plus(Duration.ofMinutes(30)).toString())
                .put(
                        "actions",
                        new JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("kind", "REDUCE")
                                                .put("resource", "gpu-cap")
                                                .put("reductionKw", 100)));
    }

    @Test
    void manualDispatchIsIssuedSentAndListed() throws Exception {
        HttpResponse<Buffer> r = f.post("/api/v1/dispatches", reduce("dc-a", "op-test-1"));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        assertThat(r.getHeader("location")).isEqualTo("/api/v1/dispatches/op-test-1");
        JsonObject created = r.bodyAsJsonObject();
        assertThat(created.getString("id")).isEqualTo("op-test-1");
        assertThat(created.getInteger("revision")).isEqualTo(1);
        assertThat(created.getString("state")).isEqualTo("SENT");
        assertThat(created.getInteger("attempts")).isEqualTo(1);
        assertThat(created.getString("issuedAt")).isEqualTo(ApiFixture.T0.toString());
        assertThat(created.getDouble("netReductionKw")).isEqualTo(100.0);
        assertThat(created.getJsonObject("order").encode()).contains("gpu-cap");

        DispatchOrder handed =
                f.sent.stream()
                        .filter(o -> o.id().value().equals("op-test-1"))
                        .findFirst()
                        .orElseThrow();
        assertThat(handed.start()).isEqualTo(ApiFixture.T0);
        assertThat(handed.actions()).containsExactly(new DispatchAction.Reduce("gpu-cap", 100));

        JsonArray listed =
                f.get("/api/v1/dispatches?site=dc-a&state=SENT")
                        .bodyAsJsonObject()
                        .getJsonArray("dispatches");
        assertThat(listed.stream().map(o -> ((JsonObject) o).getString("id")))
                .contains("op-test-1");
        assertThat(f.get("/api/v1/dispatches/op-test-1").bodyAsJsonObject().getString("site"))
                .isEqualTo("dc-a");
    }

    @Test
    void sameIdAndRevisionAgainIsA409() throws Exception {
        assertThat(f.post("/api/v1/dispatches", reduce("dc-b", "op-twice")).statusCode())
                .isEqualTo(201);
        HttpResponse<Buffer> again = f.post("/api/v1/dispatches", reduce("dc-b", "op-twice"));
        HttpApiIT.problem(again, 409, "revision");
    }

    @Test
    void withoutIdTheOrderGetsAnOperatorId() throws Exception {
        JsonObject body = reduce("dc-a", null);
        body.remove("id");
        HttpResponse<Buffer> r = f.post("/api/v1/dispatches", body);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        String id = r.bodyAsJsonObject().getString("id");
        assertThat(id).matches("op-[0-9a-f]{12}");
        assertThat(r.getHeader("location")).isEqualTo("/api/v1/dispatches/" + id);
    }

    @Test
    void siteThatNeverReportedIsA404() throws Exception {
        HttpResponse<Buffer> r = f.post("/api/v1/dispatches", reduce("dc-never", "op-lost"));
        HttpApiIT.problem(r, 404, "unknown_site");
    }

    @Test
    void endBeforeStartIsA400NamingEnd() throws Exception {
        JsonObject body =
                reduce("dc-a", "op-backwards")
                        .put("start", ApiFixture.T0.plus(Duration.ofHours(1)).toString());
        HttpResponse<Buffer> r = f.post("/api/v1/dispatches", body);
        HttpApiIT.problem(r, 400, "order");
        assertThat(r.bodyAsJsonObject().getString("field")).isEqualTo("end");
        assertThat(r.bodyAsJsonObject().getString("rule")).isEqualTo("order");
    }

    @Test
    void bodyAgainstTheSchemaIsA400NamingTheField() throws Exception {
        JsonObject body = reduce("dc-a", "op-bad");
        body.getJsonArray("actions").getJsonObject(0).put("reductionKw", -5);
        HttpResponse<Buffer> r = f.post("/api/v1/dispatches", body);
        HttpApiIT.problem(r, 400, null);
        assertThat(r.bodyAsJsonObject().getString("field"))
                .as(r.bodyAsString())
                .startsWith("actions[0]");

        JsonObject noEnd = reduce("dc-a", "op-bad");
        noEnd.remove("end");
        HttpResponse<Buffer> missing = f.post("/api/v1/dispatches", noEnd);
        HttpApiIT.problem(missing, 400, "required");
        assertThat(missing.bodyAsJsonObject().getString("field"))
                .as(missing.bodyAsString())
                .isEqualTo("end");
    }

    private static JsonObject limit(String id, int stepS, JsonArray maxAddedKw) {
        JsonObject body = reduce("dc-a", id);
        body.put(
                "actions",
                new JsonArray()
                        .add(
                                new JsonObject()
                                        .put("kind", "LIMIT_REBOUND")
                                        .put("resource", "batch")
                                        .put("stepS", stepS)
                                        .put("maxAddedKw", maxAddedKw)));
        return body;
    }

    @Test
    void anOperatorCanLimitARebound() throws Exception {
        HttpResponse<Buffer> r =
                f.post(
                        "/api/v1/dispatches",
                        limit("op-rebound", 300, new JsonArray().add(50).add(80)));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
        assertThat(r.bodyAsJsonObject().getDouble("netReductionKw")).isZero();
        DispatchOrder handed =
                f.sent.stream()
                        .filter(o -> o.id().value().equals("op-rebound"))
                        .findFirst()
                        .orElseThrow();
        assertThat(handed.actions())
                .containsExactly(
                        new DispatchAction.LimitRebound(
                                "batch", Duration.ofMinutes(5), java.util.List.of(50.0, 80.0)));
    }

    @Test
    void aBadReboundLimitIsA400NamingTheField() throws Exception {
        HttpResponse<Buffer> zero =
                f.post("/api/v1/dispatches", limit("op-rb-bad", 0, new JsonArray().add(50)));
        HttpApiIT.problem(zero, 400, null);
        assertThat(zero.bodyAsJsonObject().getString("field"))
                .as(zero.bodyAsString())
                .startsWith("actions[0]");
        HttpResponse<Buffer> empty =
                f.post("/api/v1/dispatches", limit("op-rb-bad", 60, new JsonArray()));
        HttpApiIT.problem(empty, 400, null);
        assertThat(empty.bodyAsJsonObject().getString("field"))
                .as(empty.bodyAsString())
                .startsWith("actions[0]");
        assertThat(f.sent.stream().map(o -> o.id().value())).doesNotContain("op-rb-bad");
    }
}
