package io.gridshift.domain.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One site's share of the day-ahead plan, versioned like a dispatch order: a later version of the
 * same plan replaces the older one; a site applies each version once and acknowledges it.
 *
 * @param planId the plan (the same for every site of one planning run series)
 * @param version starts at 1, rises with each re-plan
 * @param site the site that carries it out
 * @param issuedAt when the aggregator issued this version
 * @param validFrom the start of slot 0
 * @param validUntil when the plan lapses; the site then runs jobs at arrival again
 * @param slot the slot length (a whole number of minutes, at most one hour)
 * @param jobs what to do with each planned job, job ids unique
 */
public record SitePlan(
        PlanId planId,
        int version,
        SiteId site,
        Instant issuedAt,
        Instant validFrom,
        Instant validUntil,
        Duration slot,
        List<PlannedJob> jobs) {
    /** The longest plan: two days ahead, as the issue asks (24 to 48 h). */
    public static final Duration MAX_HORIZON = Duration.ofHours(48);

    public SitePlan {
        Check.required("planId", planId);
        Check.range("version", version, 1, Integer.MAX_VALUE);
        Check.required("site", site);
        Check.required("issuedAt", issuedAt);
        Check.required("validFrom", validFrom);
        Check.required("validUntil", validUntil);
        Check.after("validUntil", validUntil, "validFrom", validFrom);
        Check.duration("validUntil", Duration.between(validFrom, validUntil), MAX_HORIZON);
        Check.duration("slot", slot, Duration.ofHours(1));
        if (slot.toSeconds() < 60 || slot.toSeconds() % 60 != 0 || slot.getNano() != 0) {
            throw new InvalidFieldException(
                    "slot", "range", slot, "must be a whole number of minutes, 1 to 60");
        }
        jobs = List.copyOf(Check.size("jobs", jobs, 0, SiteJobs.MAX_JOBS));
        long slotCount = slotCount(validFrom, validUntil, slot);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            PlannedJob j = jobs.get(i);
            if (!ids.add(j.job())) {
                throw new InvalidFieldException(
                        "jobs[" + i + "].job", "unique", j.job(), "must be unique");
            }
            int last = j.slots().get(j.slots().size() - 1);
            if (last >= slotCount) {
                throw new InvalidFieldException(
                        "jobs[" + i + "].slots",
                        "range",
                        last,
                        "must be below the plan's " + slotCount + " slots");
            }
        }
    }

    /** How many slots fit between validFrom and validUntil (a last partial slot counts). */
    public long slotCount() {
        return slotCount(validFrom, validUntil, slot);
    }

    /** The start of slot {@code index}. */
    public Instant slotStart(int index) {
        return validFrom.plus(slot.multipliedBy(index));
    }

    /** Whether the plan is in force at {@code t}. */
    public boolean isValidAt(Instant t) {
        return !t.isBefore(validFrom) && t.isBefore(validUntil);
    }

    /**
     * Whether this plan replaces {@code other}: a higher version of the same plan, or a different
     * plan issued later.
     */
    public boolean supersedes(SitePlan other) {
        if (other == null) {
            return true;
        }
        if (planId.equals(other.planId)) {
            return version > other.version;
        }
        return issuedAt.isAfter(other.issuedAt);
    }

    private static long slotCount(Instant from, Instant until, Duration slot) {
        long ms = Duration.between(from, until).toMillis();
        long per = slot.toMillis();
        return (ms + per - 1) / per;
    }
}
