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
        double sumC = 0;
        double sumG = 0;
        double sumM = 0;
        double sumLoc = 0;
        double sumMkt = 0;
        for (int i = 0; i < kwh.length; i++) {
            Instant hour = consumption.start().plus(Duration.ofHours(i));
            double intensity = hourIntensity(grid, hour);
            double green = contract.supplyKwh(hour);
            double matched = Math.min(kwh[i], green);
            double fromGrid = kwh[i] - matched;
            double residual = zone.residualMixGPerKwh() > 0 ? zone.residualMixGPerKwh() : intensity;
            double loc = kwh[i] * intensity / 1000;
            double mkt = (matched * contract.carbonGPerKwh() + fromGrid * residual) / 1000;
            hours.add(
                    new HourAccount(
                            hour,
                            kwh[i],
                            green,
                            matched,
                            fromGrid,
                            kwh[i] > 0 ? matched / kwh[i] : 1,
                            intensity,
                            loc,
                            mkt));
            sumC += kwh[i];
            sumG += green;
            sumM += matched;
            sumLoc += loc;
            sumMkt += mkt;
        }
        PeriodAccount period =
                new PeriodAccount(
                        consumption.start(),
                        consumption.start().plus(Duration.ofHours(kwh.length)),
                        sumC,
                        sumG,
                        sumM,
                        sumC - sumM,
                        sumC > 0 ? sumM / sumC : 1,
                        sumC > 0 ? Math.min(1, sumG / sumC) : 1,
                        sumLoc,
                        sumMkt);
        return new GreenReport(consumption.site(), contract.id(), hours, period);
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
