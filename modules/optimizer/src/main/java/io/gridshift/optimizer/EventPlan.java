package io.gridshift.optimizer;

/**
 * An event's plan: the jobs that move, then the allocation of what is left.
 *
 * @param migration the moves and the targets they leave
 * @param allocation the reductions per site, resource and interval for those targets
 */
public record EventPlan(MigrationPlan migration, Allocation allocation) {
    /** Migrations and reductions together (currency). */
    public double cost() {
        return migration.cost() + allocation.cost();
    }
}
