package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.ledger.NodeLedger;
import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.storage.meter.MeterRepository;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/v1/baselines/accuracy on a real cluster member and API with a ledger on an H2 file:
 * figures worked out by hand, CSV, and bad parameters named in problem+json.
 */
class BaselineAccuracyApiIT {
    static final String PROGRAM = "http://grid.example/programs/summer";
    static final SiteId A = SiteId.of("dc-a");
    static final SiteId B = SiteId.of("dc-b");
    static final String BASE =
            "/api/v1/baselines/accuracy?program=http%3A%2F%2Fgrid.example%2Fprograms%2Fsummer";

    @TempDir Path folder;
    NodeLedger ledger;
    ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        // GIVEN Monday 13 to Wednesday 15 July 2026, 13:00-16:00 UTC by the minute: A at 1000 kW,
        // except Monday 14:00-15:00 at 1100 kW; B flat at 500 kW
        StorageOptions storage = StorageOptions.h2File(folder.resolve("ledger"));
        try (Database db = Database.open(storage)) {
            List<MeterReading> rows = new ArrayList<>();
            for (int day = 13; day <= 15; day++) {
                Instant one = Instant.parse("2026-07-" + day + "T13:00:00Z");
                for (int m = 0; m < 180; m++) {
                    boolean monday = day == 13 && m >= 60 && m < 120;
                    rows.add(minute(A, one.plusSeconds(60L * m), monday ? 1100 : 1000));
                    rows.add(minute(B, one.plusSeconds(60L * m), 500));
                }
            }
            new MeterRepository(db.dataSource()).insert(rows);
        }
        ledger =
                new NodeLedger(
                        storage,
                        LedgerOptions.of(storage)::rules,
                        new ManualClock(Instant.parse("2026-07-20T00:00:00Z")));
        api = new ApiFixture(ApiFixture.operatorToken(), ledger);
    }

    static MeterReading minute(SiteId site, Instant at, double kw) {
        return new MeterReading(site, at, Duration.ofMinutes(1), kw, kw * 0.8, 6);
    }

    @AfterEach
    void stop() throws Exception {
        if (api != null) {
            api.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void meterBeforeAfterIsScoredPerSiteOnTheDaysWithoutEvents() throws Exception {
        // WHEN the window 14:00-15:00 is replayed with meter-before-after
        HttpResponse<Buffer> r =
                api.get(
                        BASE
                                + "&from=2026-07-13&to=2026-07-15&method=meter-before-after"
                                + "&windowStart=14:00&windowEnd=15:00");
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getJsonArray("days"))
                .containsExactly("2026-07-13", "2026-07-14", "2026-07-15");
        JsonArray sites = body.getJsonArray("sites");
        assertThat(sites).hasSize(2);
        // THEN A: baseline 1000 (1000 before, 1000 after) on each day; actual 1100 in Monday's 4
        // quarter hours, 1000 in the 8 others: mean actual 12400 / 12 = 1033.33, RMSE =
        // sqrt(4 x 100^2 / 12) = 57.735, CV-RMSE = 57.735 / 1033.33 = 0.055872, bias kW = -400 /
        // 12 = -33.333, bias = -33.333 / 1033.33 = -0.032258
        JsonObject a = sites.getJsonObject(0);
        assertThat(a.getString("siteId")).isEqualTo("dc-a");
        assertThat(a.getString("method")).isEqualTo("meter-before-after");
        assertThat(a.getInteger("daysUsed")).isEqualTo(3);
        assertThat(a.getInteger("intervals")).isEqualTo(12);
        assertThat(a.getDouble("meanActualKw")).isCloseTo(12400.0 / 12, within(1e-6));
        assertThat(a.getDouble("rmseKw")).isCloseTo(Math.sqrt(40000.0 / 12), within(1e-6));
        assertThat(a.getDouble("cvRmse"))
                .isCloseTo(Math.sqrt(40000.0 / 12) / (12400.0 / 12), within(1e-9));
        assertThat(a.getDouble("biasKw")).isCloseTo(-400.0 / 12, within(1e-6));
        assertThat(a.getDouble("bias")).isCloseTo(-400.0 / 12400, within(1e-9));
        // AND B's flat load is predicted exactly
        JsonObject b = sites.getJsonObject(1);
        assertThat(b.getString("siteId")).isEqualTo("dc-b");
        assertThat(b.getDouble("cvRmse")).isZero();
        assertThat(b.getDouble("bias")).isZero();
    }

    @Test
    void oneSiteAsCsvAndEveryMethodByDefault() throws Exception {
        // WHEN B is asked for as CSV with every method (the day-matching ones lack history here)
        HttpResponse<Buffer> r =
                ApiFixture.await(
                        api.client
                                .request(
                                        HttpMethod.GET,
                                        BASE
                                                + "&from=2026-07-13&to=2026-07-15&site=dc-b"
                                                + "&windowStart=14:00&windowEnd=15:00")
                                .bearerTokenAuthentication(ApiFixture.OPERATOR_TOKEN)
                                .putHeader("accept", "text/csv")
                                .send()
                                .toCompletionStage());
        // THEN one line per method for B only; meter-before-after exact, the others without days
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/csv");
        assertThat(r.bodyAsString().split("\n"))
                .containsExactly(
                        "method,site_id,days_used,days_skipped,intervals,mean_actual_kw,rmse_kw,"
                                + "cv_rmse,bias_kw,bias",
                        "caiso-10-of-10,dc-b,0,3,0,,,,,",
                        "meter-before-after,dc-b,3,0,12,500,0,0,0,0",
                        "pjm-high-4-of-5,dc-b,0,3,0,,,,,",
                        "weekday-10-additive,dc-b,0,3,0,,,,,");
    }

    @Test
    void badParametersAreNamedInTheProblem() throws Exception {
        assertProblem(BASE + "&to=2026-07-15", "from", "required");
        assertProblem(BASE + "&from=2026-7-13&to=2026-07-15", "from", "pattern");
        assertProblem(BASE + "&from=2026-02-30&to=2026-07-15", "from", "format");
        assertProblem(BASE + "&from=2026-07-15&to=2026-07-13", "to", "range");
        assertProblem(BASE + "&from=2026-07-13&to=2026-07-15&method=pjm", "method", "enum");
        assertProblem(
                BASE + "&from=2026-07-13&to=2026-07-15&windowStart=24:00",
                "windowStart",
                "pattern");
        assertProblem(
                BASE + "&from=2026-07-13&to=2026-07-15&windowStart=15:00&windowEnd=14:00",
                "windowEnd",
                "range");
        assertProblem(BASE + "&from=2026-07-13&to=2026-07-15&site=DC%20A", "site", "pattern");
    }

    private void assertProblem(String uri, String field, String rule) throws Exception {
        HttpResponse<Buffer> r = api.get(uri);
        assertThat(r.statusCode()).as(uri + " " + r.bodyAsString()).isEqualTo(400);
        assertThat(r.getHeader("content-type")).startsWith("application/problem+json");
        JsonObject problem = r.bodyAsJsonObject();
        assertThat(problem.getString("field")).as(r.bodyAsString()).isEqualTo(field);
        assertThat(problem.getString("rule")).as(r.bodyAsString()).isEqualTo(rule);
    }
}
