package io.gridshift.agent.sim;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;

/**
 * A job that moved, for the agent to report.
 *
 * @param dispatchId the order that moved it
 * @param kind {@code MIGRATE_OUT} (checkpointed and stopped here) or {@code MIGRATE_IN} (started
 *     here)
 * @param job the job
 * @param peer the site it went to or came from
 * @param kw IT power it draws
 * @param at when its load left or arrived (after the checkpoint ramp)
 */
public record MigrationRecord(
        DispatchId dispatchId,
        DispatchAction.Kind kind,
        String job,
        SiteId peer,
        double kw,
        Instant at) {}
