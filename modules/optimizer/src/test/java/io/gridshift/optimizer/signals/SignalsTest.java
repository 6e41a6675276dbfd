package io.gridshift.optimizer.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalsTest {
    private static final GridZone DE = GridZone.of("DE");

    @Test
    void shippedDataHasEveryZoneAndHourAndTheAuthorsMeans() {
        Carbon2022 data = Carbon2022.load();
        assertThat(data.zones()).hasSize(123).contains(DE, GridZone.of("US-CAL-CISO"));
        // annual means published beside the data (mean_stats.csv, column 2022)
        assertThat(Arrays.stream(data.carbon(DE)).average().orElseThrow())
                .isCloseTo(481.4542100456621, within(1e-9));
        assertThat(Arrays.stream(data.carbon(GridZone.of("FR"))).average().orElseThrow())
                .isCloseTo(99.44588242009134, within(1e-9));
        assertThat(data.carbon(DE)).hasSize(8760);
        assertThat(data.carbon(DE)[0]).isEqualTo(216.56);
        assertThat(Carbon2022.latency().get(GridZone.of("DE")).get(GridZone.of("FR"))).isPositive();
        assertThat(Carbon2022.latency()).containsKey(GridZone.of("AU-NSW"));
    }

    @Test
    void syntheticPricesFollowCarbonAndThePeak() {
        ZoneSignal year = Carbon2022.load().signal(DE, PriceModel.DEFAULT);
        // 2022-01-01T00:00Z is 01:00 in Germany (UTC+1): off peak
        assertThat(year.priceAt(Carbon2022.START)).isCloseTo(60 + 0.15 * 216.56, within(1e-9));
        Instant peak = Instant.parse("2022-01-01T17:00:00Z"); // 18:00 local
        assertThat(year.priceAt(peak)).isCloseTo(100 + 0.15 * year.carbonAt(peak), within(1e-9));
    }

    @Test
    void csvRoundTripsAndResamplesToQuarterHours() {
        String csv =
                "time_utc,zone,price_per_mwh,carbon_g_per_kwh\n"
                        + "2022-03-01T00:00:00Z,DE,100.5,400\n"
                        + "# a comment\n"
                        + "2022-03-01T01:00:00Z,DE,90,380.5\n"
                        + "2022-03-01T00:00:00Z,FR,50,60\n";
        Map<GridZone, ZoneSignal> s = SignalCsv.parse("s.csv", new StringReader(csv));
        assertThat(s.get(DE).steps()).isEqualTo(2);
        assertThat(s.get(DE).carbonAt(Instant.parse("2022-03-01T01:30:00Z"))).isEqualTo(380.5);
        ZoneSignal q =
                s.get(DE).window(Instant.parse("2022-03-01T00:00:00Z"), Duration.ofMinutes(15), 8);
        assertThat(q.pricePerMwh()).containsExactly(100.5, 100.5, 100.5, 100.5, 90, 90, 90, 90);
        assertThat(SignalCsv.parse("x.csv", new StringReader(SignalCsv.format(s.values()))))
                .isEqualTo(s);
    }

    @Test
    void csvErrorsNameFileLineAndColumn() {
        String head = "time_utc,zone,price_per_mwh,carbon_g_per_kwh\n";
        assertField(
                head + "2022-03-01T00:00:00Z,DE,100,-5\n", "bad.csv:2:carbon_g_per_kwh", "range");
        assertField(head + "2022-03-01 00:00,DE,100,5\n", "bad.csv:2:time_utc", "pattern");
        assertField(head + "2022-03-01T00:00:00Z,de,100,5\n", "bad.csv:2:zone", "pattern");
        assertField(head + "2022-03-01T00:00:00Z,DE,abc,5\n", "bad.csv:2:price_per_mwh", "pattern");
        assertField(
                head + "2022-03-01T00:00:00Z,DE,1,5\n2022-03-01T03:00:00Z,DE,1,5\n",
                "bad.csv:3:time_utc",
                "order");
        assertField("time,zone\n", "bad.csv:1:1", "pattern");
    }

    private static void assertField(String csv, String field, String rule) {
        assertThatThrownBy(() -> SignalCsv.parse("bad.csv", new StringReader(csv)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field()).isEqualTo(field);
                            assertThat(e.rule()).isEqualTo(rule);
                        });
    }

    @Test
    void forecastModelsKeepHistoryAndErrAsStated() {
        ZoneSignal year = Carbon2022.load().signal(DE, PriceModel.DEFAULT);
        Instant issued = Instant.parse("2022-06-01T00:00:00Z");
        ZoneSignal ar1 = new ForecastModel.Ar1(0.15, 0.9, 7).forecast(year, issued);
        assertThat(ar1).isEqualTo(new ForecastModel.Ar1(0.15, 0.9, 7).forecast(year, issued));
        int from = year.indexOf(issued);
        assertThat(ar1.carbonGPerKwh()[from - 1]).isEqualTo(year.carbonGPerKwh()[from - 1]);
        double sq = 0;
        int n = 0;
        for (int k = from; k < year.steps(); k++) {
            double rel = ar1.carbonGPerKwh()[k] / year.carbonGPerKwh()[k] - 1;
            sq += rel * rel;
            n++;
        }
        assertThat(Math.sqrt(sq / n)).isCloseTo(0.15, within(0.03));
        ZoneSignal persist = new ForecastModel.Persistence().forecast(year, issued);
        assertThat(persist.carbonGPerKwh()[from + 5])
                .isEqualTo(year.carbonGPerKwh()[from + 5 - 24]);
        assertThat(persist.carbonGPerKwh()[from + 30])
                .isEqualTo(year.carbonGPerKwh()[from + 30 - 48]);
        assertThat(ForecastModels.parse("ar1:0.1:0.5:3"))
                .isEqualTo(new ForecastModel.Ar1(0.1, 0.5, 3));
        assertThatThrownBy(() -> ForecastModels.parse("oracle"))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("forecast"));
    }
}
