package io.gridshift.optimizer.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.Carbon2022;
import io.gridshift.optimizer.signals.GreenContract;
import io.gridshift.optimizer.signals.PriceModel;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A month of a German site's meter data against a solar-shaped PPA on the real 2022 grid. */
class GreenAccountingTest {
    private static final GridZone DE = GridZone.of("DE");
    private static final Instant JUNE = Instant.parse("2022-06-01T00:00:00Z");
    private static final int HOURS = 30 * 24;

    private static double[] meter() {
        SplittableRandom rnd = new SplittableRandom(4);
        double[] kwh = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            kwh[h] = 800 + 400 * rnd.nextDouble();
        }
        return kwh;
    }

    private static double[] solarPpa() {
        double[] kw = new double[HOURS];
        for (int h = 0; h < HOURS; h++) {
            int local = (h + 1) % 24;
            kw[h] = local >= 6 && local < 20 ? 2500 * Math.sin(Math.PI * (local - 6) / 14) : 0;
        }
        return kw;
    }

    @Test
    void sumsReconcileWithTheMeterAndTheGrid() {
        double[] kwh = meter();
        ZoneSignal grid = Carbon2022.load().signal(DE, PriceModel.DEFAULT);
        GreenContract ppa = GreenContract.profile("ppa-solar", JUNE, solarPpa(), 40);
        GreenReport r =
                GreenAccounting.account(
                        new SiteConsumption(SiteId.of("dc-de"), DE, JUNE, kwh),
                        grid,
                        ppa,
                        new ZoneInfo(DE, 1e6, 520));
        PeriodAccount p = r.period();
        double meterSum = 0;
        double location = 0;
        for (int h = 0; h < HOURS; h++) {
            meterSum += kwh[h];
            location += kwh[h] * grid.carbonAt(JUNE.plusSeconds(3600L * h)) / 1000;
        }
        assertThat(r.hours()).hasSize(HOURS);
        assertThat(p.consumptionKwh()).isCloseTo(meterSum, within(1e-6));
        assertThat(p.matchedKwh() + p.gridKwh()).isCloseTo(meterSum, within(1e-6));
        assertThat(p.locationBasedKg()).isCloseTo(location, within(1e-6));
        double hourSum = r.hours().stream().mapToDouble(HourAccount::marketBasedKg).sum();
        assertThat(p.marketBasedKg()).isCloseTo(hourSum, within(1e-6));
        assertThat(p.marketBasedKg())
                .isCloseTo((p.matchedKwh() * 40 + p.gridKwh() * 520) / 1000, within(1e-6));
        // solar covers no night hour: hourly CFE well below the volumetric match
        assertThat(p.cfeShare()).isBetween(0.2, 0.7);
        assertThat(p.annualMatchShare()).isGreaterThan(p.cfeShare());
        for (HourAccount h : r.hours()) {
            assertThat(h.matchedKwh()).isLessThanOrEqualTo(h.consumptionKwh());
            assertThat(h.matchedKwh()).isLessThanOrEqualTo(h.greenSupplyKwh());
            assertThat(h.cfeShare()).isBetween(0.0, 1.0);
        }
        assertThat(r.hours().get(0).cfeShare()).isZero(); // 01:00 local: no sun
    }

    @Test
    void annualContractsSpreadEvenlyAndNoContractMeansGridOnly() {
        double[] kwh = meter();
        ZoneSignal grid = Carbon2022.load().signal(DE, PriceModel.DEFAULT);
        SiteConsumption c = new SiteConsumption(SiteId.of("dc-de"), DE, JUNE, kwh);
        GreenReport none =
                GreenAccounting.account(c, grid, GreenContract.none(), ZoneInfo.unlimited(DE));
        assertThat(none.period().cfeShare()).isZero();
        // no residual-mix figure: market-based falls back to the grid's hourly intensity
        assertThat(none.period().marketBasedKg())
                .isCloseTo(none.period().locationBasedKg(), within(1e-6));
        GreenReport annual =
                GreenAccounting.account(
                        c,
                        grid,
                        GreenContract.annual("green-tariff", 8760, 0),
                        ZoneInfo.unlimited(DE));
        assertThat(annual.hours().get(5).greenSupplyKwh()).isCloseTo(1000, within(1e-9));
        assertThat(annual.period().cfeShare())
                .isCloseTo(
                        annual.period().matchedKwh() / annual.period().consumptionKwh(),
                        within(1e-12));
    }

    @Test
    void badInputNamesTheField() {
        ZoneSignal grid = Carbon2022.load().signal(DE, PriceModel.DEFAULT);
        assertThatThrownBy(
                        () -> new SiteConsumption(SiteId.of("dc"), DE, JUNE, new double[] {1, -2}))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("hourlyKwh[1]"));
        SiteConsumption fr =
                new SiteConsumption(SiteId.of("dc"), GridZone.of("FR"), JUNE, new double[] {1});
        assertThatThrownBy(
                        () ->
                                GreenAccounting.account(
                                        fr, grid, GreenContract.none(), ZoneInfo.unlimited(DE)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("grid.zone"));
    }
}
