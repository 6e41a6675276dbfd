package io.gridshift.optimizer.accounting;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.optimizer.signals.GreenContract;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hourly matching of a site's consumption against its contracted green supply and the grid (24/7
 * carbon-free-energy style). The grid's intensity of an hour is the mean of the signal's steps in
 * that hour (an hourly signal gives its value).
 */
public final class GreenAccounting {
    private GreenAccounting() {}

    /**
     * The account of {@code consumption} against {@code contract}, with grid intensity from {@code
     * grid} (actuals) and the residual mix from {@code zone} (the grid's hourly intensity when the
     * zone has none).
     */
    public static GreenReport account(
            SiteConsumption consumption, ZoneSignal grid, GreenContract contract, ZoneInfo zone) {
        Check.required("consumption", consumption);
        Check.required("grid", grid);
        Check.required("contract", contract);
        Check.required("zone", zone);
        if (!grid.zone().equals(consumption.zone())) {
            throw new InvalidFieldException(
                    "grid.zone",
                    "reference",
                    grid.zone(),
                    "must be the site's zone " + consumption.zone());
        }
        List<HourAccount> hours = new ArrayList<>();
        double[] kwh = consumption.hourlyKwh();
        for (int i = 0; i < kwh.length; i++) {
            Instant hour = consumption.start().plus(Duration.ofHours(i));
            hours.add(hour(hour, kwh[i], hourIntensity(grid, hour), contract, zone));
        }
        PeriodAccount period =
                period(
                        consumption.start(),
                        consumption.start().plus(Duration.ofHours(kwh.length)),
                        hours);
        return new GreenReport(consumption.site(), contract.id(), hours, period);
    }

    /**
     * One hour's account: {@code kwh} consumed in the hour starting at {@code hour}, the grid at
     * {@code gridGPerKwh}. A NaN intensity (not known) gives NaN location-based emissions, and NaN
     * market-based ones where the zone has no residual mix; the matched energy needs no intensity.
     */
    public static HourAccount hour(
            Instant hour, double kwh, double gridGPerKwh, GreenContract contract, ZoneInfo zone) {
        double green = contract.supplyKwh(hour);
        double matched = Math.min(kwh, green);
        double fromGrid = kwh - matched;
        double residual = zone.residualMixGPerKwh() > 0 ? zone.residualMixGPerKwh() : gridGPerKwh;
        double loc = kwh * gridGPerKwh / 1000;
        double mkt = (matched * contract.carbonGPerKwh() + fromGrid * residual) / 1000;
        return new HourAccount(
                hour,
                kwh,
                green,
                matched,
                fromGrid,
                kwh > 0 ? matched / kwh : 1,
                gridGPerKwh,
                loc,
                mkt);
    }

    /** The sums of {@code hours} as the account of [from, to). */
    public static PeriodAccount period(Instant from, Instant to, List<HourAccount> hours) {
        double sumC = 0;
        double sumG = 0;
        double sumM = 0;
        double sumLoc = 0;
        double sumMkt = 0;
        for (HourAccount h : hours) {
            sumC += h.consumptionKwh();
            sumG += h.greenSupplyKwh();
            sumM += h.matchedKwh();
            sumLoc += h.locationBasedKg();
            sumMkt += h.marketBasedKg();
        }
        return new PeriodAccount(
                from,
                to,
                sumC,
                sumG,
                sumM,
                sumC - sumM,
                sumC > 0 ? sumM / sumC : 1,
                sumC > 0 ? Math.min(1, sumG / sumC) : 1,
                sumLoc,
                sumMkt);
    }

    private static double hourIntensity(ZoneSignal grid, Instant hour) {
        double sum = 0;
        int n = 0;
        for (Instant t = hour;
                t.isBefore(hour.plus(Duration.ofHours(1)));
                t = t.plus(grid.step())) {
            sum += grid.carbonAt(t);
            n++;
        }
        return sum / n;
    }
}
