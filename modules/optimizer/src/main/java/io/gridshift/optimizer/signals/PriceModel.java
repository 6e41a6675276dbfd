package io.gridshift.optimizer.signals;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The project has no real price data, so prices are SYNTHETIC: {@code price = basePerMwh +
 * perGramPerMwh * carbon + (peakAdderPerMwh in the local peak hours)}. The carbon term stands for
 * the merit order (fossil plants on the margin set both the price and the intensity); the peak term
 * is a time-of-use tariff. Local time is UTC plus {@code utcOffsetHours} (no daylight saving).
 *
 * @param basePerMwh price with no carbon and off peak, currency/MWh
 * @param perGramPerMwh price added per gCO2eq/kWh of grid intensity, currency/MWh
 * @param peakAdderPerMwh added in the peak hours, currency/MWh
 * @param peakStartHour first local peak hour (0-23)
 * @param peakEndHour first local hour after the peak (0-24, above peakStartHour)
 */
public record PriceModel(
        double basePerMwh,
        double perGramPerMwh,
        double peakAdderPerMwh,
        int peakStartHour,
        int peakEndHour) {
    /** 60 /MWh base, +0.15 /MWh per g/kWh (400 g/kWh adds 60), +40 /MWh from 17:00 to 21:00. */
    public static final PriceModel DEFAULT = new PriceModel(60, 0.15, 40, 17, 21);

    public PriceModel {
        Check.range("basePerMwh", basePerMwh, -1000, 10_000);
        Check.range("perGramPerMwh", perGramPerMwh, 0, 10);
        Check.range("peakAdderPerMwh", peakAdderPerMwh, 0, 10_000);
        Check.range("peakStartHour", peakStartHour, 0, 23);
        Check.range("peakEndHour", peakEndHour, peakStartHour + 1, 24);
    }

    /** The price of one step starting at {@code t} with grid intensity {@code carbonGPerKwh}. */
    public double price(Instant t, double carbonGPerKwh, int utcOffsetHours) {
        int hour = t.atOffset(ZoneOffset.ofHours(utcOffsetHours)).getHour();
        boolean peak = hour >= peakStartHour && hour < peakEndHour;
        return basePerMwh + perGramPerMwh * carbonGPerKwh + (peak ? peakAdderPerMwh : 0);
    }

    /** A signal with these synthetic prices over the given carbon series. */
    public ZoneSignal signal(
            io.gridshift.domain.site.GridZone zone,
            Instant start,
            Duration step,
            double[] carbonGPerKwh,
            int utcOffsetHours) {
        double[] p = new double[carbonGPerKwh.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = price(start.plus(step.multipliedBy(i)), carbonGPerKwh[i], utcOffsetHours);
        }
        return new ZoneSignal(zone, start, step, p, carbonGPerKwh);
    }
}
