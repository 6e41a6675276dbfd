package io.gridshift.storage.settlement;

import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.List;

/** The program rules' arithmetic over one site's intervals; pure, see {@link ProgramRules}. */
final class SettlementCalculator {
    private SettlementCalculator() {}

    static SiteSettlement settle(
            SiteId site,
            double committedKw,
            List<IntervalResult> intervals,
            double intervalHours,
            ProgramRules rules) {
        double baselineKwh = 0;
        double actualKwh = 0;
        double deliveredKwh = 0;
        double paidKwh = 0;
        double maxKwhPerInterval = rules.performanceCap() * committedKw * intervalHours;
        for (IntervalResult i : intervals) {
            baselineKwh += i.baselineKw() * intervalHours;
            actualKwh += i.actualKw() * intervalHours;
            deliveredKwh += i.deliveredKwh();
            paidKwh += Math.max(0, Math.min(maxKwhPerInterval, i.deliveredKwh()));
        }
        double hours = intervals.size() * intervalHours;
        double deliveredKw = deliveredKwh / hours;
        double performance = committedKw > 0 ? deliveredKw / committedKw : 0;
        double creditedKw =
                Math.max(0, Math.min(rules.performanceCap() * committedKw, deliveredKw));
        double capacity = cents(creditedKw * rules.capacityPricePerKw());
        double energy = cents(paidKwh * rules.energyPricePerKwh());
        double penalty =
                performance < rules.performanceThreshold()
                        ? cents(
                                Math.max(0, committedKw - Math.max(0, deliveredKw))
                                        * rules.penaltyPerKwShort())
                        : 0;
        return new SiteSettlement(
                site,
                SiteSettlement.SETTLED,
                null,
                committedKw,
                baselineKwh,
                actualKwh,
                deliveredKwh,
                deliveredKw,
                performance,
                creditedKw,
                capacity,
                energy,
                penalty,
                cents(capacity + energy - penalty),
                intervals);
    }

    static SiteSettlement insufficient(SiteId site, double committedKw, String note) {
        return new SiteSettlement(
                site,
                SiteSettlement.INSUFFICIENT_DATA,
                note,
                committedKw,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                new ArrayList<>());
    }

    static double cents(double money) {
        return Math.round(money * 100) / 100.0;
    }
}
