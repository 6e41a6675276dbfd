package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.aggregator.api.Problems.Problem;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemsTest {
    @Test
    void invalidFieldNamesFieldAndRule() {
        Problem p =
                Problems.of(
                        new InvalidFieldException("end", "order", "x", "must be after start"),
                        "POST /api/v1/dispatches");
        JsonObject json = p.toJson("/api/v1/dispatches");
        assertThat(json.getInteger("status")).isEqualTo(400);
        assertThat(json.getString("type")).isEqualTo("https://gridshift.io/problems/order");
        assertThat(json.getString("field")).isEqualTo("end");
        assertThat(json.getString("rule")).isEqualTo("order");
        assertThat(json.getString("instance")).isEqualTo("/api/v1/dispatches");
        assertThat(json.getString("title")).isEqualTo("Bad Request");
    }

    @Test
    void gridshiftKindsMapToTheirHttpStatusThroughCompletionWrappers() {
        Problem conflict =
                Problems.of(
                        new CompletionException(
                                new GridshiftException(ErrorKind.CONFLICT, "revision", "stale")),
                        "POST /api/v1/dispatches");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.reason()).isEqualTo("revision");
        assertThat(conflict.field()).isNull();
        Problem missing =
                Problems.of(
                        new GridshiftException(ErrorKind.NOT_FOUND, "unknown_site", "no"),
                        "GET /api/v1/sites/dc-x");
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void somethingUnexpectedIsABare500() {
        Problem p = Problems.of(new IllegalStateException("secret internals"), "GET /api/v1/fleet");
        String body = p.toJson("/api/v1/fleet").encode();
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.reason()).isEqualTo("internal");
        assertThat(body).doesNotContain("secret", "IllegalStateException", "at io.");
    }

    @Test
    void malformedJsonAndWrappedValidationFailuresAre400() {
        assertThat(Problems.of(new DecodeException("bad"), "POST /x").field()).isEqualTo("body");
        ValidatorException missing =
                new ValidatorException(
                        "The related request / response does not contain the required query"
                                + " parameter since",
                        ValidatorErrorType.MISSING_REQUIRED_PARAMETER);
        Problem p = Problems.of(new HttpException(400, missing), "GET /x");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.field()).isEqualTo("since");
        assertThat(p.rule()).isEqualTo("required");
    }

    @Test
    void unmatchedStatusesGetTheirOwnReason() {
        assertThat(Problems.ofStatus(404).reason()).isEqualTo("not_found");
        assertThat(Problems.ofStatus(405).reason()).isEqualTo("method_not_allowed");
        assertThat(Problems.ofStatus(503).status()).isEqualTo(500);
    }
}
