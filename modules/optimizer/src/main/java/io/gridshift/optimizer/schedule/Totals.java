package io.gridshift.optimizer.schedule;

/**
 * Scored figures of a set of jobs on the actual signals.
 *
 * @param jobs how many jobs
 * @param energyKwh energy they drew
 * @param energyCost energy cost on the actual prices, currency
 * @param transferCost data-transfer cost of migrated jobs, currency
 * @param emissionsKg location-based emissions on the actual grid intensity, kg CO2eq
 */
public record Totals(
        int jobs, double energyKwh, double energyCost, double transferCost, double emissionsKg) {
    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

    public Totals plus(Totals o) {
        return new Totals(
                jobs + o.jobs,
                energyKwh + o.energyKwh,
                energyCost + o.energyCost,
                transferCost + o.transferCost,
                emissionsKg + o.emissionsKg);
    }

    /** Energy plus transfer cost. */
    public double cost() {
        return energyCost + transferCost;
    }
}
