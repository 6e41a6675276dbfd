package io.gridshift.agent.schedule;

import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.JobRejection;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAckStatus;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the site's day-ahead plan on its book of flexible jobs. Every call runs on the
 * agent's loop thread with the agent's "now".
 *
 * <ul>
 *   <li>Versions: a plan is applied when it {@link SitePlan#supersedes supersedes} the one in
 *       force; a copy of the version in force is answered with the same ack and not applied again;
 *       an older one is refused ({@code stale_version}).
 *   <li>Each planned job is checked ({@link PlanChecker}); a refused one runs at arrival, the rest
 *       of the plan stands (ack PARTIAL with the reasons).
 *   <li>Running: a planned job runs exactly in its slots; a job moving out leaves at its first slot
 *       (its kW goes with it); a job moving in joins the book and runs in its slots.
 *   <li>Safety: a job not running whose remaining time would no longer fit before its deadline is
 *       started at once, whatever the plan says; when no plan is in force (none, expired, or the
 *       job is not in it) jobs run at arrival.
 * </ul>
 */
public final class PlanExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(PlanExecutor.class);

    private final SiteId site;
    private final PlanJournal journal;
    private final Map<String, JobEntry> book = new LinkedHashMap<>();
    private SitePlan plan;
    private PlanAck ack;
    private Map<String, PlannedJob> accepted = Map.of();
    private long applied;
    private long copies;
    private long deadlineStarts;
    private long version;
    private final Map<String, Long> refusals = new TreeMap<>();

    public PlanExecutor(SiteId site, PlanJournal journal) {
        this.site = site;
        this.journal = journal;
    }

    /** Takes up the journaled plan after a restart (without acking or counting it again). */
    public void recover(Instant now) {
        journal.load()
                .ifPresent(
                        e -> {
                            if (e.plan().site().equals(site)
                                    && now.isBefore(e.plan().validUntil())) {
                                install(e.plan(), e.ack());
                                LOG.info(
                                        "Site {} took up plan {} v{} from its journal",
                                        site,
                                        e.plan().planId(),
                                        e.plan().version());
                            }
                        });
    }

    /** Jobs submitted at this site. */
    public void submit(List<FlexibleJob> jobs) {
        for (FlexibleJob j : jobs) {
            if (book.putIfAbsent(j.id(), new JobEntry(j, null)) == null) {
                version++;
            }
        }
    }

    /**
     * A plan arrived: applies it when it is new, and returns the ack to send (every copy is acked).
     */
    public PlanAck onPlan(SitePlan incoming, Instant now) {
        if (!incoming.site().equals(site)) {
            return refuse(incoming, now, "site_mismatch: the plan is for " + incoming.site());
        }
        if (plan != null
                && plan.planId().equals(incoming.planId())
                && plan.version() == incoming.version()) {
            copies++;
            return ack;
        }
        if (plan != null && !incoming.supersedes(plan)) {
            return refuse(
                    incoming,
                    now,
                    "stale_version: version "
                            + plan.version()
                            + " of "
                            + plan.planId()
                            + " is in force");
        }
        if (!now.isBefore(incoming.validUntil())) {
            return refuse(incoming, now, "expired: the plan lapsed at " + incoming.validUntil());
        }
        // count the run time so far, but start nothing before the new plan has had its say
        for (JobEntry e : book.values()) {
            e.advance(now);
        }
        List<JobRejection> rejected = PlanChecker.check(incoming, book, now);
        PlanAck answer =
                new PlanAck(
                        incoming.planId(),
                        incoming.version(),
                        site,
                        rejected.isEmpty() ? PlanAckStatus.ACCEPTED : PlanAckStatus.PARTIAL,
                        null,
                        rejected,
                        now);
        // written ahead: a crash after this line takes the plan up again instead of re-applying it
        journal.save(incoming, answer);
        install(incoming, answer);
        applied++;
        tick(now);
        return answer;
    }

    private PlanAck refuse(SitePlan incoming, Instant now, String reason) {
        refusals.merge(reason.substring(0, reason.indexOf(':')), 1L, Long::sum);
        return new PlanAck(
                incoming.planId(),
                incoming.version(),
                site,
                PlanAckStatus.REJECTED,
                reason,
                List.of(),
                now);
    }

    private void install(SitePlan p, PlanAck a) {
        Set<String> refused =
                a.rejected().stream().map(JobRejection::job).collect(Collectors.toSet());
        Map<String, PlannedJob> in = new HashMap<>();
        for (PlannedJob j : p.jobs()) {
            if (refused.contains(j.job())) {
                continue;
            }
            in.put(j.job(), j);
            if (j.action() == PlanAction.MOVE_OUT && book.containsKey(j.job())) {
                book.get(j.job()).leaveAt(p.slotStart(j.firstSlot()));
            }
            if (j.action() == PlanAction.MOVE_IN && !book.containsKey(j.job())) {
                book.put(j.job(), new JobEntry(imported(p, j), j.peer()));
                version++;
            }
        }
        plan = p;
        ack = a;
        accepted = in;
        version++;
    }

    /** A job moving in runs for its planned slots; it arrives at the first. */
    private static FlexibleJob imported(SitePlan p, PlannedJob j) {
        Instant arrival = p.slotStart(j.firstSlot());
        Duration runs = Duration.ZERO;
        for (int s : j.slots()) {
            runs = runs.plus(Duration.between(p.slotStart(s), PlanChecker.slotEnd(p, s)));
        }
        Instant deadline =
                j.deadline().isAfter(arrival.plus(runs)) ? j.deadline() : arrival.plus(runs);
        return new FlexibleJob(
                j.job(), "moved", arrival, deadline, runs, j.kw(), true, 0, Set.of());
    }

    /** Moves every job to where the plan (or run-at-arrival) wants it at {@code now}. */
    public void tick(Instant now) {
        SitePlan inForce = plan != null && plan.isValidAt(now) ? plan : null;
        for (JobEntry e : book.values()) {
            e.advance(now);
            if (!e.isOpen()) {
                continue;
            }
            if (e.leavesAt() != null) {
                // committed to another site: held until it leaves, never started here again
                if (!now.isBefore(e.leavesAt())) {
                    e.moveOut();
                } else {
                    e.hold();
                }
                version++;
                continue;
            }
            PlannedJob p = inForce == null ? null : accepted.get(e.job().id());
            boolean run = wantsToRun(inForce, p, e, now);
            if (!run && mustStartNow(e, now)) {
                run = true;
                if (e.state() == JobState.QUEUED) {
                    deadlineStarts++;
                }
            }
            JobState before = e.state();
            if (run) {
                e.run(now);
            } else {
                e.hold();
            }
            if (e.state() != before) {
                version++;
            }
        }
    }

    private static boolean wantsToRun(SitePlan inForce, PlannedJob p, JobEntry e, Instant now) {
        if (p == null) {
            return !now.isBefore(e.job().arrival());
        }
        if (p.action() == PlanAction.MOVE_OUT) {
            return false;
        }
        int last = p.slots().get(p.slots().size() - 1);
        if (!now.isBefore(PlanChecker.slotEnd(inForce, last))) {
            // the plan's part is over and the job is not done (it started late): finish it now
            return true;
        }
        long slot =
                Duration.between(inForce.validFrom(), now).toMillis() / inForce.slot().toMillis();
        return !now.isBefore(inForce.validFrom()) && p.slots().contains((int) slot);
    }

    private static boolean mustStartNow(JobEntry e, Instant now) {
        return !now.isBefore(e.job().arrival())
                && !now.plus(e.remaining()).isBefore(e.job().deadline());
    }

    /** kW of the jobs running now. */
    public double runningKw() {
        double kw = 0;
        for (JobEntry e : book.values()) {
            if (e.state() == JobState.RUNNING) {
                kw += e.job().kw();
            }
        }
        return kw;
    }

    /** The next slot boundary or plan end after {@code now}, to wake the loop exactly then. */
    public Optional<Instant> nextBoundary(Instant now) {
        if (plan == null || !now.isBefore(plan.validUntil())) {
            return Optional.empty();
        }
        if (now.isBefore(plan.validFrom())) {
            return Optional.of(plan.validFrom());
        }
        long i = Duration.between(plan.validFrom(), now).toMillis() / plan.slot().toMillis() + 1;
        Instant next = plan.validFrom().plus(plan.slot().multipliedBy(i));
        return Optional.of(next.isAfter(plan.validUntil()) ? plan.validUntil() : next);
    }

    /**
     * The jobs message: the open jobs, each with the time it still needs as its duration. A job the
     * plan moves out is no longer reported (the receiving site reports it once it arrived there).
     */
    public SiteJobs report(long seq, Instant now) {
        List<FlexibleJob> open = new ArrayList<>();
        for (JobEntry e : book.values()) {
            if (!e.isOpen() || e.leavesAt() != null || e.remaining().isZero()) {
                continue;
            }
            FlexibleJob j = e.job();
            long seconds = Math.max(1, (e.remaining().toMillis() + 999) / 1000);
            Instant deadline = j.deadline();
            Instant arrival = j.arrival();
            if (Duration.between(arrival, deadline).toSeconds() < seconds) {
                // late already (started by the deadline guard): report what is left honestly
                deadline = arrival.plusSeconds(seconds);
            }
            open.add(
                    new FlexibleJob(
                            j.id(),
                            j.jobClass(),
                            arrival,
                            deadline,
                            Duration.ofSeconds(seconds),
                            j.kw(),
                            j.interruptible(),
                            j.dataGb(),
                            j.allowedZones()));
        }
        return new SiteJobs(site, seq, now, open);
    }

    /** Rises whenever a job is added, starts, stops, finishes or leaves: the report is due. */
    public long changes() {
        return version;
    }

    public List<JobEntry> jobs() {
        return List.copyOf(book.values());
    }

    public Optional<SitePlan> plan() {
        return Optional.ofNullable(plan);
    }

    public Optional<PlanAck> lastAck() {
        return Optional.ofNullable(ack);
    }

    public PlanStats stats() {
        return new PlanStats(applied, copies, deadlineStarts, Map.copyOf(refusals));
    }

    /**
     * @param applied plan versions applied
     * @param copies copies of the version in force that were acked again, not applied
     * @param deadlineStarts jobs started early because waiting for the plan would miss the deadline
     * @param refusals whole plans refused, by reason code
     */
    public record PlanStats(
            long applied, long copies, long deadlineStarts, Map<String, Long> refusals) {}
}
