package io.gridshift.agent.schedule;

import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.JobRejection;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SitePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which parts of a plan the site can carry out safely. A planned job is refused, with a reason,
 * when running it in its slots would break its deadline, split a job that cannot be interrupted,
 * start it before it arrives, give it too little time, or name a job the site does not have; the
 * rest of the plan stands.
 */
final class PlanChecker {
    private PlanChecker() {}

    static List<JobRejection> check(SitePlan plan, Map<String, JobEntry> book, Instant now) {
        List<JobRejection> out = new ArrayList<>();
        for (PlannedJob p : plan.jobs()) {
            String why = reason(plan, p, book.get(p.job()), now);
            if (why != null) {
                out.add(new JobRejection(p.job(), why));
            }
        }
        return out;
    }

    private static String reason(SitePlan plan, PlannedJob p, JobEntry entry, Instant now) {
        if (p.action() == PlanAction.MOVE_IN) {
            if (entry != null) {
                return "duplicate_job: a job " + p.job() + " is already at this site";
            }
            Instant end = slotEnd(plan, p.slots().get(p.slots().size() - 1));
            if (end.isAfter(p.deadline())) {
                return "deadline: the last planned slot ends at " + end + ", after " + p.deadline();
            }
            return null;
        }
        if (entry == null || !entry.isOpen()) {
            return "unknown_job: no open job " + p.job() + " at this site";
        }
        if (p.action() == PlanAction.MOVE_OUT) {
            return entry.state() == JobState.RUNNING && !entry.job().interruptible()
                    ? "running: " + p.job() + " runs now and cannot be interrupted to move"
                    : null;
        }
        return runReason(plan, p, entry, now);
    }

    private static String runReason(SitePlan plan, PlannedJob p, JobEntry entry, Instant now) {
        FlexibleJob job = entry.job();
        if (!job.interruptible() && !p.contiguous()) {
            return "not_interruptible: " + p.job() + " must run in one piece";
        }
        if (!job.interruptible()
                && entry.state() == JobState.RUNNING
                && plan.slotStart(p.firstSlot()).isAfter(now)) {
            return "running: "
                    + p.job()
                    + " runs now and cannot be interrupted until slot "
                    + p.firstSlot();
        }
        if (entry.state() == JobState.QUEUED
                && plan.slotStart(p.firstSlot()).isBefore(job.arrival())) {
            return "before_arrival: slot "
                    + p.firstSlot()
                    + " starts before the job arrives at "
                    + job.arrival();
        }
        // The time the job still needs, counted through its planned slots from now on.
        Duration needed = entry.remaining();
        Instant finish = null;
        for (int s : p.slots()) {
            Instant from = max(plan.slotStart(s), now);
            Instant to = slotEnd(plan, s);
            if (!to.isAfter(from)) {
                continue;
            }
            Duration piece = Duration.between(from, to);
            if (piece.compareTo(needed) >= 0) {
                finish = from.plus(needed);
                break;
            }
            needed = needed.minus(piece);
        }
        if (finish == null) {
            return "too_short: the planned slots leave " + needed + " of " + p.job() + " undone";
        }
        if (finish.isAfter(job.deadline())) {
            return "deadline: "
                    + p.job()
                    + " would finish at "
                    + finish
                    + ", after "
                    + job.deadline();
        }
        return null;
    }

    static Instant slotEnd(SitePlan plan, int slot) {
        Instant end = plan.slotStart(slot + 1);
        return end.isAfter(plan.validUntil()) ? plan.validUntil() : end;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
