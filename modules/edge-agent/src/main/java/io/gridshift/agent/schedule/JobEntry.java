package io.gridshift.agent.schedule;

import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;

/**
 * One job in the site's book: what it is, where it came from, and how much of it is left. Mutable,
 * owned by the agent's loop thread.
 */
public final class JobEntry {
    private final FlexibleJob job;
    private final SiteId from;
    private JobState state = JobState.QUEUED;
    private Duration remaining;
    private Instant startedAt;
    private Instant firstStart;
    private Instant leavesAt;

    JobEntry(FlexibleJob job, SiteId from) {
        this.job = job;
        this.from = from;
        this.remaining = job.duration();
    }

    public FlexibleJob job() {
        return job;
    }

    /** The site that handed the job over; {@code null} for a job submitted here. */
    public SiteId from() {
        return from;
    }

    public JobState state() {
        return state;
    }

    public Duration remaining() {
        return remaining;
    }

    /** When the job first started here; {@code null} while it never ran. */
    public Instant firstStart() {
        return firstStart;
    }

    /**
     * When a plan handed the job to another site: it leaves then, whatever later plan versions say
     * (the receiving site runs it from then on; running it here too would run it twice). {@code
     * null} while it stays.
     */
    public Instant leavesAt() {
        return leavesAt;
    }

    void leaveAt(Instant t) {
        if (leavesAt == null) {
            leavesAt = t;
        }
    }

    boolean isOpen() {
        return state == JobState.QUEUED || state == JobState.RUNNING;
    }

    /** Counts the run time since the last call; a job whose time is used up is done. */
    void advance(Instant now) {
        if (state == JobState.RUNNING && startedAt != null && now.isAfter(startedAt)) {
            remaining = remaining.minus(Duration.between(startedAt, now));
            startedAt = now;
            if ((remaining.isZero() || remaining.isNegative())) {
                remaining = Duration.ZERO;
                state = JobState.DONE;
            }
        }
    }

    void run(Instant now) {
        if (state == JobState.QUEUED) {
            state = JobState.RUNNING;
            startedAt = now;
            if (firstStart == null) {
                firstStart = now;
            }
        }
    }

    void hold() {
        if (state == JobState.RUNNING) {
            state = JobState.QUEUED;
            startedAt = null;
        }
    }

    void moveOut() {
        state = JobState.MOVED_OUT;
        startedAt = null;
    }
}
