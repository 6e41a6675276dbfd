package io.gridshift.optimizer;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;

/**
 * One job moved out of an event zone.
 *
 * @param job the job's id
 * @param from the site it leaves (in the event zone)
 * @param fromZone that site's zone
 * @param to the site that takes it (outside every event zone)
 * @param toZone that site's zone
 * @param kw the job's power: shed at {@code from}, added at {@code to}
 * @param transfer time to move its data
 * @param cost delay of the work during the transfer plus the energy and carbon cost difference
 *     between the zones over the event (negative when the receiving zone is cheaper and greener)
 */
public record Move(
        String job,
        SiteId from,
        GridZone fromZone,
        SiteId to,
        GridZone toZone,
        double kw,
        Duration transfer,
        double cost) {

    /** The order to the sending site. */
    public DispatchAction.MigrateOut out() {
        return new DispatchAction.MigrateOut(job, to, kw);
    }

    /** The order to the receiving site: its load rises by {@code kw}. */
    public DispatchAction.MigrateIn in() {
        return new DispatchAction.MigrateIn(job, from, kw);
    }
}
