package io.gridshift.aggregator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.signals.SignalCsv;
import io.gridshift.optimizer.signals.ZoneSignal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Forecasts per zone from CSV, resampled to the plan's slots, with OpenADR prices laid over. */
class SignalStoreTest {
    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    static final GridZone DE = GridZone.of("DE");
    static final GridZone FR = GridZone.of("FR");

    static Map<GridZone, ZoneSignal> csv() {
        StringBuilder text = new StringBuilder(SignalCsv.HEADER + "\n");
        for (int h = 0; h < 4; h++) {
            text.append(T0.plus(Duration.ofHours(h)))
                    .append(",DE,")
                    .append(100 + h)
                    .append(",")
                    .append(400 + h)
                    .append('\n');
            text.append(T0.plus(Duration.ofHours(h))).append(",FR,50,60\n");
        }
        return SignalCsv.parse("test.csv", new StringReader(text.toString()));
    }

    @Test
    void aForecastIsResampledToTheSlotsAndAbsentOutsideItsRange() {
        SignalStore store = new SignalStore();
        AtomicInteger heard = new AtomicInteger();
        store.onChange(heard::incrementAndGet);

        store.put(csv(), "file:test.csv");

        ZoneSignal de =
                store.forecast(
                        DE,
                        T0.plus(Duration.ofMinutes(30)),
                        T0.plus(Duration.ofHours(2)),
                        Duration.ofMinutes(15));
        assertThat(de.steps()).isEqualTo(6);
        assertThat(de.pricePerMwh()).containsExactly(100, 100, 101, 101, 101, 101);
        assertThat(de.carbonGPerKwh()[5]).isEqualTo(401);
        assertThat(store.forecast(DE, T0, T0.plus(Duration.ofHours(5)), Duration.ofHours(1)))
                .isNull();
        assertThat(
                        store.forecast(
                                GridZone.of("PL"),
                                T0,
                                T0.plus(Duration.ofHours(1)),
                                Duration.ofHours(1)))
                .isNull();
        assertThat(heard).hasValue(1);
        assertThat(store.sources()).containsEntry(FR, "file:test.csv");
    }

    @Test
    void anOpenAdrPriceOfTheTargetedZonesIsLaidOverTheirForecastInKwhOrMwh() {
        SignalStore store = new SignalStore();
        store.put(csv(), "file:test.csv");
        JsonObject event =
                new JsonObject()
                        .put("eventId", "ev-1")
                        .put("status", "ACTIVE")
                        .put(
                                "targets",
                                new JsonObject()
                                        .put(
                                                "groupIds",
                                                new JsonArray(List.of("DE", "north-group"))))
                        .put(
                                "signals",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("name", "ELECTRICITY_PRICE")
                                                        .put("type", "PRICE")
                                                        .put("unit", "EUR/kWh")
                                                        .put(
                                                                "intervals",
                                                                new JsonArray()
                                                                        .add(
                                                                                new JsonObject()
                                                                                        .put(
                                                                                                "start",
                                                                                                T0.plus(
                                                                                                                Duration
                                                                                                                        .ofHours(
                                                                                                                                1))
                                                                                                        .toString())
                                                                                        .put(
                                                                                                "duration",
                                                                                                "PT1H")
                                                                                        .put(
                                                                                                "value",
                                                                                                0.5))))
                                        .add(
                                                new JsonObject()
                                                        .put("name", "SIMPLE")
                                                        .put("type", "LEVEL")
                                                        .put("intervals", new JsonArray())));

        assertThat(EventPrices.zones(event)).containsExactly(DE);
        store.overlay(EventPrices.zones(event), EventPrices.prices(event));

        ZoneSignal de = store.forecast(DE, T0, T0.plus(Duration.ofHours(3)), Duration.ofHours(1));
        assertThat(de.pricePerMwh()).containsExactly(100, 500, 102);
        assertThat(de.carbonGPerKwh()).containsExactly(400, 401, 402);
        assertThat(
                        store.forecast(FR, T0, T0.plus(Duration.ofHours(3)), Duration.ofHours(1))
                                .pricePerMwh())
                .containsExactly(50, 50, 50);
    }

    @Test
    void aCancelledEventOrARelativePriceSetsNoPrice() {
        JsonObject signal =
                new JsonObject()
                        .put("name", "ELECTRICITY_PRICE")
                        .put("type", "PRICE_RELATIVE")
                        .put(
                                "intervals",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("start", T0.toString())
                                                        .put("duration", "PT1H")
                                                        .put("value", 2)));
        JsonObject relative =
                new JsonObject().put("eventId", "ev-2").put("signals", new JsonArray().add(signal));
        JsonObject cancelled =
                relative.copy()
                        .put("status", "CANCELLED")
                        .put("signals", new JsonArray().add(signal.copy().put("type", "PRICE")));

        assertThat(EventPrices.prices(relative)).isEmpty();
        assertThat(EventPrices.prices(cancelled)).isEmpty();
    }

    @Test
    void carbonIsKeptPerHourAfterTheFeedMovesOn() {
        // GIVEN DE's hourly carbon 400..403 over 00:00-04:00
        SignalStore store = new SignalStore();
        store.put(csv(), "folder");
        // WHEN the feed moves on to 15-minute steps from 02:00 (300, 500, 400, 400)
        store.put(
                Map.of(
                        DE,
                        new ZoneSignal(
                                DE,
                                T0.plus(Duration.ofHours(2)),
                                Duration.ofMinutes(15),
                                new double[4],
                                new double[] {300, 500, 400, 400})),
                "feed");
        // THEN 00:00 and 01:00 are still known, 02:00 is the mean of its quarters, 03:00 the old
        // hourly value, 04:00 unknown; FR's own series is untouched
        double[] de = store.hourlyCarbon(DE, T0, 5);
        assertThat(de[0]).isEqualTo(400);
        assertThat(de[1]).isEqualTo(401);
        assertThat(de[2]).isEqualTo(400);
        assertThat(de[3]).isEqualTo(403);
        assertThat(de[4]).isNaN();
        assertThat(store.hourlyCarbon(FR, T0, 1)[0]).isEqualTo(60);
        assertThat(store.hourlyCarbon(GridZone.of("PL"), T0, 1)[0]).isNaN();
    }
}
