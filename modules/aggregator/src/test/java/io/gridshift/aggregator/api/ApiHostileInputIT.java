package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Randomised hostile manual-dispatch requests through the real HTTP API (issue 10): mutated valid
 * bodies, fields of the wrong type, huge numbers and strings, unknown and missing fields, deep
 * nesting, random bytes, wrong content types. Each is answered within {@link #TIMEOUT_MS} by a 2xx
 * or by a 4xx problem+json naming its reason; never a 5xx. A fixed seed, so a failure reruns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHostileInputIT {
    private static final int REQUESTS = 300;
    private static final long TIMEOUT_MS = 5_000;
    private static final String[] FIELDS = {
        "id",
        "site",
        "end",
        "start",
        "actions",
        "kind",
        "resource",
        "reductionKw",
        "targetKw",
        "eventId",
        "reason",
        "revision"
    };

    private ApiFixture f;

    @BeforeAll
    void start() throws Exception {
        f = new ApiFixture();
        f.twoSitesReport();
    }

    @AfterAll
    void stop() throws Exception {
        f.close();
    }

    @Test
    void hostileDispatchRequestsGetA2xxOrA4xxProblemNeverA5xx() throws Exception {
        SplittableRandom random = new SplittableRandom(10);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Request request = draw(random, i);
            HttpResponse<Buffer> r =
                    ApiFixture.await(
                            f.client
                                    .request(HttpMethod.POST, "/api/v1/dispatches")
                                    .bearerTokenAuthentication(ApiFixture.OPERATOR_TOKEN)
                                    .putHeader("content-type", request.contentType())
                                    .timeout(TIMEOUT_MS)
                                    .sendBuffer(Buffer.buffer(request.body()))
                                    .toCompletionStage());
            String what = "request " + i + ": " + request;
            statuses.add(r.statusCode());
            assertThat(r.statusCode()).as(what).isBetween(200, 499);
            if (r.statusCode() >= 300) {
                assertThat(r.statusCode()).as(what).isGreaterThanOrEqualTo(400);
                ApiFixtureProblems.check(r, what);
            }
        }
        // The mix reaches both sides: some requests are valid, most are refused.
        assertThat(statuses).as("statuses").contains(201).anyMatch(s -> s == 400);
    }

    private static Request draw(SplittableRandom random, int i) {
        JsonObject valid = valid(random, i);
        switch (random.nextInt(8)) {
            case 0:
                return json(valid.encode());
            case 1:
                return json(mutateBytes(random, valid.encode()));
            case 2:
                valid.put(FIELDS[random.nextInt(FIELDS.length)], anyValue(random, 2));
                return json(valid.encode());
            case 3:
                JsonObject action = valid.getJsonArray("actions").getJsonObject(0);
                action.put(FIELDS[random.nextInt(FIELDS.length)], anyValue(random, 2));
                return json(valid.encode());
            case 4:
                valid.remove(FIELDS[random.nextInt(5)]);
                return json(valid.encode());
            case 5:
                int depth = 1 + random.nextInt(100_000);
                return json("[".repeat(depth) + "]".repeat(depth));
            case 6:
                byte[] bytes = new byte[random.nextInt(2000)];
                random.nextBytes(bytes);
                return new Request("application/json", bytes);
            default:
                String[] types = {
                    "text/plain", "application/xml", "", "application/json; charset=latin1"
                };
                return new Request(
                        types[random.nextInt(types.length)],
                        valid.encode().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static JsonObject valid(SplittableRandom random, int i) {
        return new JsonObject()
                .put("id", "fz-" + i)
                .put("site", random.nextBoolean() ? "dc-a" : "dc-b")
                .put("end", ApiFixture.T0.plus(Duration.ofMinutes(30)).toString())
                .put(
                        "actions",
                        new JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("kind", "REDUCE")
                                                .put("resource", "gpu-cap")
                                                .put("reductionKw", 1 + random.nextInt(100))));
    }

    private static Object anyValue(SplittableRandom random, int depth) {
        switch (random.nextInt(depth > 0 ? 12 : 10)) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextLong();
            case 3:
                return random.nextDouble() * Math.pow(10, random.nextInt(-320, 309));
            case 4:
                return new java.math.BigDecimal("1e" + random.nextInt(-5000, 5000));
            case 5:
                return "x".repeat(random.nextInt(100_000));
            case 6:
                return new String(new char[] {(char) random.nextInt(0, 0x20), '\u2028', 'é'});
            case 7:
                return "2025-13-45T99:99:99Z";
            case 8:
                return "../../etc/passwd";
            case 9:
                return -0.0;
            case 10:
                return new JsonArray().add(anyValue(random, depth - 1));
            default:
                return new JsonObject().put("kind", anyValue(random, depth - 1));
        }
    }

    private static String mutateBytes(SplittableRandom random, String text) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "\\u0000", "\\"};
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, tokens[random.nextInt(tokens.length)]);
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    private static Request json(String body) {
        return new Request("application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** One request; prints its start so that a failure shows what was sent. */
    record Request(String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return contentType
                    + " "
                    + body.length
                    + " bytes: "
                    + text.substring(0, Math.min(200, text.length()));
        }
    }

    /** The problem+json checks of {@link HttpApiIT}, for any 4xx reason. */
    static final class ApiFixtureProblems {
        static void check(HttpResponse<Buffer> r, String what) {
            assertThat(r.getHeader("content-type")).as(what).isEqualTo("application/problem+json");
            JsonObject p = r.bodyAsJsonObject();
            assertThat(p.getInteger("status")).as(what).isEqualTo(r.statusCode());
            assertThat(p.getString("reason")).as(what).isNotBlank();
            assertThat(p.getString("title")).as(what).isNotBlank();
            assertThat(p.encode()).as(what).doesNotContain("\tat ", "Exception");
        }
    }
}
