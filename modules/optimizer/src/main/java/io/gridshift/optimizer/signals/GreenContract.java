package io.gridshift.optimizer.signals;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A site's contracted green supply (a PPA or a green tariff): either an hourly kW profile from
 * {@code profileStart} (what the wind or solar farm delivered or is forecast to deliver), or an
 * annual volume in MWh, which hourly accounting spreads evenly over the 8,760 hours of a year (an
 * annual certificate cannot say when it was produced).
 *
 * @param id contract id (e.g. {@code ppa-wind-01})
 * @param profileStart start of the hourly profile (UTC, on the hour), or null for an annual volume
 * @param profileKw hourly supply in kW, or an empty array for an annual volume
 * @param annualMwh annual volume (0 when a profile is given)
 * @param carbonGPerKwh life-cycle intensity of the contracted supply (e.g. 11 for wind, 0 if the
 *     contract claims zero), gCO2eq/kWh; used for market-based emissions
 */
public record GreenContract(
        String id,
        Instant profileStart,
        double[] profileKw,
        double annualMwh,
        double carbonGPerKwh) {
    private static final double HOURS_PER_YEAR = 8760;

    public GreenContract {
        Ids.check("contract", id);
        Check.required("profileKw", profileKw);
        Check.range("annualMwh", annualMwh, 0, 1e9);
        Check.range("carbonGPerKwh", carbonGPerKwh, 0, ZoneSignal.MAX_CARBON_G_PER_KWH);
        if (profileKw.length > 0) {
            Check.required("profileStart", profileStart);
            if (annualMwh != 0) {
                throw new InvalidFieldException(
                        "annualMwh", "exclusive", annualMwh, "must be 0 when profileKw is given");
            }
            for (int i = 0; i < profileKw.length; i++) {
                Check.powerKw("profileKw[" + i + "]", profileKw[i]);
            }
        }
    }

    /** A PPA with an hourly kW profile. */
    public static GreenContract profile(
            String id, Instant start, double[] hourlyKw, double carbonGPerKwh) {
        return new GreenContract(id, start, hourlyKw, 0, carbonGPerKwh);
    }

    /** An annual volume, spread evenly over the hours of the year. */
    public static GreenContract annual(String id, double annualMwh, double carbonGPerKwh) {
        return new GreenContract(id, null, new double[0], annualMwh, carbonGPerKwh);
    }

    /** No contract: all supply comes from the grid. */
    public static GreenContract none() {
        return annual("none", 0, 0);
    }

    /** Green energy (kWh) delivered in the hour starting at {@code hour}; 0 outside the profile. */
    public double supplyKwh(Instant hour) {
        if (profileKw.length == 0) {
            return annualMwh * 1000 / HOURS_PER_YEAR;
        }
        if (hour.isBefore(profileStart)) {
            return 0;
        }
        long i = Duration.between(profileStart, hour).toHours();
        return i < profileKw.length ? profileKw[(int) i] : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GreenContract c
                && id.equals(c.id)
                && java.util.Objects.equals(profileStart, c.profileStart)
                && Arrays.equals(profileKw, c.profileKw)
                && annualMwh == c.annualMwh
                && carbonGPerKwh == c.carbonGPerKwh;
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(profileKw);
    }

    @Override
    public String toString() {
        return "GreenContract["
                + id
                + (profileKw.length > 0
                        ? ", " + profileKw.length + " h profile from " + profileStart
                        : ", " + annualMwh + " MWh/yr")
                + ", "
                + carbonGPerKwh
                + " g/kWh]";
    }
}
