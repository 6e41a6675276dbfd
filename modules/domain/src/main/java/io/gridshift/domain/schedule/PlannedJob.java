package io.gridshift.domain.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.List;

/**
 * One job's part of a site's plan.
 *
 * @param job the job's id (at its home site)
 * @param action run here, move out to {@code peer}, or move in from {@code peer}
 * @param peer the other site of a move; {@code null} for {@link PlanAction#RUN}
 * @param slots indices of the slots (from the plan's {@code validFrom}) in which the job runs, at
 *     least one, rising; for a move out, the slots at the receiving site (the job leaves at the
 *     first)
 * @param kw power the job draws while running (a receiving site needs it)
 * @param deadline when the job must be finished (the receiving site checks it)
 */
public record PlannedJob(
        String job,
        PlanAction action,
        SiteId peer,
        List<Integer> slots,
        double kw,
        Instant deadline) {
    /** Most slots one job may be given (a week of 15-minute slots). */
    public static final int MAX_SLOTS = 672;

    public PlannedJob {
        Ids.check("job", job);
        Check.required("action", action);
        if (action == PlanAction.RUN && peer != null) {
            throw new InvalidFieldException("peer", "forbidden", peer, "must be absent for RUN");
        }
        if (action != PlanAction.RUN) {
            Check.required("peer", peer);
        }
        slots = List.copyOf(Check.size("slots", slots, 1, MAX_SLOTS));
        for (int i = 0; i < slots.size(); i++) {
            int s = slots.get(i);
            if (s < 0 || (i > 0 && s <= slots.get(i - 1))) {
                throw new InvalidFieldException(
                        "slots[" + i + "]", "order", s, "must be at least 0 and rising");
            }
        }
        Check.range("kw", kw, 0, Check.MAX_SITE_KW);
        Check.required("deadline", deadline);
    }

    /** The first slot: when the job starts (or, moving out, leaves). */
    public int firstSlot() {
        return slots.get(0);
    }

    /** Whether the planned slots are one unbroken run. */
    public boolean contiguous() {
        return slots.get(slots.size() - 1) - slots.get(0) == slots.size() - 1;
    }
}
