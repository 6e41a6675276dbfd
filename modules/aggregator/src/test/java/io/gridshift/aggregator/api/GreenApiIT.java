package io.gridshift.aggregator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.aggregator.green.GreenContractsFile;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.ledger.NodeLedger;
import io.gridshift.aggregator.schedule.SignalStore;
import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.optimizer.signals.ZoneSignal;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET /api/v1/green on a real cluster member and API with a ledger on an H2 file: three sites'
 * meter minutes over 10:00-13:00 UTC, a PPA for one, carbon signals for two zones; the figures
 * worked out by hand, the hourly kWh against the meter rows, CSV, and bad parameters named.
 */
class GreenApiIT {
    static final Instant T10 = Instant.parse("2026-07-15T10:00:00Z");
    static final SiteId A = SiteId.of("dc-a");
    static final SiteId B = SiteId.of("dc-b");
    static final SiteId C = SiteId.of("dc-c");
    static final String BASE = "/api/v1/green?from=2026-07-15T10:00:00Z&to=2026-07-15T13:00:00Z";

    /** dc-a's PPA: 400, 1200 and 0 kW in 10:00, 11:00, 12:00, at 10 g/kWh; DE-LU's mix 700. */
    static final String CONTRACTS =
            """
            {
              "residualMixGPerKwh": { "DE-LU": 700 },
              "contracts": [
                { "site": "dc-a", "id": "ppa-wind-01", "carbonGPerKwh": 10,
                  "profileStart": "2026-07-15T10:00:00Z", "profileKw": [400, 1200, 0] }
              ]
            }
            """;

    @TempDir Path folder;
    NodeLedger ledger;
    ApiFixture api;
    final Map<SiteId, Double> meteredKwh = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        // GIVEN by the minute: dc-a 600 kW in 10:00, 900 kW in 11:00, 300 kW in 12:00; dc-b 120
        // kW in 10:00 and 240 kW in 11:00-11:30 only; dc-c (unknown to the fleet) 60 kW in 10:00
        StorageOptions storage = StorageOptions.h2File(folder.resolve("ledger"));
        try (Database db = Database.open(storage)) {
            List<MeterReading> rows = new ArrayList<>();
            for (int m = 0; m < 180; m++) {
                rows.add(minute(A, m, m < 60 ? 600 : m < 120 ? 900 : 300));
                if (m < 60) {
                    rows.add(minute(B, m, 120));
                    rows.add(minute(C, m, 60));
                } else if (m < 90) {
                    rows.add(minute(B, m, 240));
                }
            }
            new MeterRepository(db.dataSource()).insert(rows);
        }
        ledger =
                new NodeLedger(
                        storage,
                        LedgerOptions.of(storage)::rules,
                        new ManualClock(Instant.parse("2026-07-16T00:00:00Z")));
        // AND DE-LU's carbon in 15-minute steps over 10:00-12:00 (300, 500, 400, 400, then 200:
        // hourly means 400 and 200, 12:00 unknown), FR's hourly 50, 60, 70
        SignalStore signals = new SignalStore();
        signals.put(
                Map.of(
                        GridZone.of("DE-LU"),
                        new ZoneSignal(
                                GridZone.of("DE-LU"),
                                T10,
                                Duration.ofMinutes(15),
                                new double[8],
                                new double[] {300, 500, 400, 400, 200, 200, 200, 200}),
                        GridZone.of("FR"),
                        new ZoneSignal(
                                GridZone.of("FR"),
                                T10,
                                Duration.ofHours(1),
                                new double[3],
                                new double[] {50, 60, 70})),
                "test");
        api =
                new ApiFixture(
                        ApiFixture.operatorToken(),
                        ledger,
                        signals,
                        GreenContractsFile.parse(CONTRACTS));
        // AND the fleet knows dc-a in DE-LU and dc-b in FR
        api.twoSitesReport();
    }

    private MeterReading minute(SiteId site, int m, double kw) {
        meteredKwh.merge(site, kw / 60, Double::sum);
        return new MeterReading(site, T10.plusSeconds(60L * m), Duration.ofMinutes(1), kw, kw, 6);
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
    void eachSitesHoursAreMatchedAgainstItsContractAndTheGrid() throws Exception {
        HttpResponse<Buffer> r = api.get(BASE);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject body = r.bodyAsJsonObject();
        JsonArray sites = body.getJsonArray("sites");
        assertThat(sites.stream().map(s -> ((JsonObject) s).getString("siteId")))
                .containsExactly("dc-a", "dc-b", "dc-c");
        // THEN every site's metered kWh sum to its meter rows, hour by hour and in the period
        for (int i = 0; i < 3; i++) {
            JsonObject s = sites.getJsonObject(i);
            double sum = 0;
            for (Object h : s.getJsonArray("hours")) {
                Double kwh = ((JsonObject) h).getDouble("consumptionKwh");
                sum += kwh == null ? 0 : kwh;
            }
            double meter = meteredKwh.get(SiteId.of(s.getString("siteId")));
            assertThat(sum).isCloseTo(meter, within(1e-6));
            assertThat(s.getJsonObject("period").getDouble("meteredKwh"))
                    .isCloseTo(meter, within(1e-6));
        }
        // AND dc-a 10:00: 600 kWh, 400 green, matched 400 (CFE 2/3), location 600 x 400 g = 240
        // kg, market 400 x 10 g + 200 x 700 g (residual mix) = 144 kg
        JsonObject a = sites.getJsonObject(0);
        assertThat(a.getString("zone")).isEqualTo("DE-LU");
        assertThat(a.getString("contractId")).isEqualTo("ppa-wind-01");
        JsonArray ah = a.getJsonArray("hours");
        assertHour(ah.getJsonObject(0), 600, 400, 400, 2.0 / 3, 400, 240, 144);
        // AND 11:00: 900 kWh all matched by 1200 green, 200 g: 180 kg and 900 x 10 g = 9 kg
        assertHour(ah.getJsonObject(1), 900, 1200, 900, 1, 200, 180, 9);
        // AND 12:00 has meter data but no carbon: its emissions are null, not 0
        JsonObject a12 = ah.getJsonObject(2);
        assertThat(a12.getString("carbon")).isEqualTo("missing");
        assertThat(a12.getDouble("consumptionKwh")).isCloseTo(300, within(1e-6));
        assertThat(a12.getValue("locationBasedKg")).isNull();
        assertThat(a12.getValue("marketBasedKg")).isNull();
        assertThat(a12.getValue("gridGPerKwh")).isNull();
        // AND dc-a's period counts 10:00 and 11:00: CFE 1300 / 1500, 420 kg and 153 kg apart
        JsonObject ap = a.getJsonObject("period");
        assertThat(ap.getInteger("hoursAccounted")).isEqualTo(2);
        assertThat(ap.getInteger("hoursWithoutCarbonData")).isEqualTo(1);
        assertThat(ap.getDouble("consumptionKwh")).isCloseTo(1500, within(1e-6));
        assertThat(ap.getDouble("matchedKwh")).isCloseTo(1300, within(1e-6));
        assertThat(ap.getDouble("cfeShare")).isCloseTo(1300.0 / 1500, within(1e-9));
        assertThat(ap.getDouble("locationBasedKg")).isCloseTo(420, within(1e-6));
        assertThat(ap.getDouble("marketBasedKg")).isCloseTo(153, within(1e-6));
        // AND dc-b without a contract: market-based = location-based (FR has no residual mix);
        // 11:00 is partial (30 minutes, 120 kWh), 12:00 has no meter data
        JsonArray bh = sites.getJsonObject(1).getJsonArray("hours");
        assertHour(bh.getJsonObject(0), 120, 0, 0, 0, 50, 6, 6);
        assertHour(bh.getJsonObject(1), 120, 0, 0, 0, 60, 7.2, 7.2);
        assertThat(bh.getJsonObject(1).getString("meter")).isEqualTo("partial");
        assertThat(bh.getJsonObject(1).getInteger("meterMinutes")).isEqualTo(30);
        assertThat(bh.getJsonObject(2).getString("meter")).isEqualTo("missing");
        assertThat(bh.getJsonObject(2).getValue("consumptionKwh")).isNull();
        assertThat(bh.getJsonObject(2).getValue("cfeShare")).isNull();
        // AND dc-c's zone is unknown: no carbon in any hour, nothing accounted, shares null
        JsonObject c = sites.getJsonObject(2);
        assertThat(c.getValue("zone")).isNull();
        assertThat(c.getJsonObject("period").getInteger("hoursAccounted")).isZero();
        assertThat(c.getJsonObject("period").getValue("cfeShare")).isNull();
        // AND the fleet: 4 of 9 site-hours accounted, 1740 kWh, 1300 matched, 433.2 and 166.2 kg
        JsonObject fleet = body.getJsonObject("fleet").getJsonObject("period");
        assertThat(fleet.getInteger("hours")).isEqualTo(9);
        assertThat(fleet.getInteger("hoursAccounted")).isEqualTo(4);
        assertThat(fleet.getInteger("hoursWithoutMeterData")).isEqualTo(3);
        assertThat(fleet.getInteger("hoursWithoutCarbonData")).isEqualTo(4);
        assertThat(fleet.getDouble("meteredKwh")).isCloseTo(2100, within(1e-6));
        assertThat(fleet.getDouble("consumptionKwh")).isCloseTo(1740, within(1e-6));
        assertThat(fleet.getDouble("cfeShare")).isCloseTo(1300.0 / 1740, within(1e-9));
        assertThat(fleet.getDouble("locationBasedKg")).isCloseTo(433.2, within(1e-6));
        assertThat(fleet.getDouble("marketBasedKg")).isCloseTo(166.2, within(1e-6));
        // AND its 10:00: dc-a and dc-b, 720 kWh, 400 matched, 246 and 150 kg
        JsonObject f10 = body.getJsonObject("fleet").getJsonArray("hours").getJsonObject(0);
        assertThat(f10.getString("hour")).isEqualTo("2026-07-15T10:00:00Z");
        assertThat(f10.getDouble("consumptionKwh")).isCloseTo(720, within(1e-6));
        assertThat(f10.getDouble("cfeShare")).isCloseTo(400.0 / 720, within(1e-9));
        assertThat(f10.getDouble("locationBasedKg")).isCloseTo(246, within(1e-6));
        assertThat(f10.getDouble("marketBasedKg")).isCloseTo(150, within(1e-6));
    }

    private static void assertHour(
            JsonObject h,
            double kwh,
            double green,
            double matched,
            double cfe,
            double g,
            double locationKg,
            double marketKg) {
        assertThat(h.getString("carbon")).as(h.encode()).isEqualTo("actual");
        assertThat(h.getDouble("consumptionKwh")).as(h.encode()).isCloseTo(kwh, within(1e-6));
        assertThat(h.getDouble("greenSupplyKwh")).as(h.encode()).isCloseTo(green, within(1e-6));
        assertThat(h.getDouble("matchedKwh")).as(h.encode()).isCloseTo(matched, within(1e-6));
        assertThat(h.getDouble("cfeShare")).as(h.encode()).isCloseTo(cfe, within(1e-9));
        assertThat(h.getDouble("gridGPerKwh")).as(h.encode()).isCloseTo(g, within(1e-9));
        assertThat(h.getDouble("locationBasedKg"))
                .as(h.encode())
                .isCloseTo(locationKg, within(1e-6));
        assertThat(h.getDouble("marketBasedKg")).as(h.encode()).isCloseTo(marketKg, within(1e-6));
    }

    @Test
    void oneSiteAsCsv() throws Exception {
        HttpResponse<Buffer> r =
                ApiFixture.await(
                        api.client
                                .request(HttpMethod.GET, BASE + "&site=dc-a")
                                .bearerTokenAuthentication(ApiFixture.OPERATOR_TOKEN)
                                .putHeader("accept", "text/csv")
                                .send()
                                .toCompletionStage());
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("content-type")).startsWith("text/csv");
        assertThat(r.bodyAsString().split("\n"))
                .containsExactly(
                        GreenExport.CSV_HEADER,
                        "dc-a,2026-07-15T10:00:00Z,60,actual,600,400,400,0.666667,400,240,144",
                        "dc-a,2026-07-15T11:00:00Z,60,actual,900,1200,900,1,200,180,9",
                        "dc-a,2026-07-15T12:00:00Z,60,missing,300,0,0,0,,,",
                        "dc-a,,,,1500,1600,1300,0.866667,,420,153",
                        ",2026-07-15T10:00:00Z,,,600,400,400,0.666667,,240,144",
                        ",2026-07-15T11:00:00Z,,,900,1200,900,1,,180,9",
                        ",2026-07-15T12:00:00Z,,,0,0,0,,,,",
                        ",,,,1500,1600,1300,0.866667,,420,153");
    }

    @Test
    void badParametersAreNamedInTheProblem() throws Exception {
        String day = "2026-07-15T";
        assertProblem("/api/v1/green?to=" + day + "13:00:00Z", "from", "required");
        assertProblem(
                "/api/v1/green?from=" + day + "10:30:00Z&to=" + day + "13:00:00Z",
                "from",
                "pattern");
        assertProblem(
                "/api/v1/green?from=2026-02-30T10:00:00Z&to=" + day + "13:00:00Z",
                "from",
                "format");
        assertProblem(
                "/api/v1/green?from=" + day + "13:00:00Z&to=" + day + "10:00:00Z", "to", "range");
        assertProblem(
                "/api/v1/green?from=2026-07-01T00:00:00Z&to=2026-08-01T01:00:00Z", "to", "range");
        assertProblem(BASE + "&site=dc-z", "site", "known");
        assertProblem(BASE + "&site=DC%20A", "site", "pattern");
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
