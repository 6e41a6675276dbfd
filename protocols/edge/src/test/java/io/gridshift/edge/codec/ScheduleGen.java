package io.gridshift.edge.codec;

import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.JobRejection;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAckStatus;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Valid jobs, plan and plan-ack messages, with every action and status and both limits. */
final class ScheduleGen {
    private ScheduleGen() {}

    static SiteJobs jobs(Gen g) {
        List<FlexibleJob> jobs = new ArrayList<>();
        for (String id : g.distinct(g.between(0, 6), g::id)) {
            jobs.add(job(g, id));
        }
        return new SiteJobs(MessageGen.site(g), g.between(0, Long.MAX_VALUE), g.instant(), jobs);
    }

    static FlexibleJob job(Gen g, String id) {
        Instant arrival = g.instant();
        // Whole seconds: the wire carries durationS.
        Duration duration = Duration.ofSeconds(g.between(1, FlexibleJob.MAX_DURATION.toSeconds()));
        Instant deadline = arrival.plus(duration).plusMillis(g.between(0, 86_400_000L));
        Set<io.gridshift.domain.site.GridZone> zones = new HashSet<>();
        for (int i = g.between(0, 3); i > 0; i--) {
            zones.add(ResourceGen.zone(g));
        }
        return new FlexibleJob(
                id,
                g.id(),
                arrival,
                deadline,
                duration,
                g.kw(),
                g.oneIn(2),
                g.number(0, FlexibleJob.MAX_DATA_GB),
                zones);
    }

    static SitePlan plan(Gen g) {
        Instant from = g.instant();
        Duration slot = Duration.ofMinutes(g.pick(1, 5, 15, 60));
        long maxMinutes = SitePlan.MAX_HORIZON.toMinutes();
        Instant until = from.plus(Duration.ofMinutes(g.between(1L, maxMinutes)));
        int slots =
                (int)
                        Math.max(
                                1,
                                (Duration.between(from, until).toMillis() + slot.toMillis() - 1)
                                        / slot.toMillis());
        List<PlannedJob> jobs = new ArrayList<>();
        for (String id : g.distinct(g.between(0, 5), g::id)) {
            PlanAction action = g.pick(PlanAction.class);
            TreeSet<Integer> picked = new TreeSet<>();
            for (int i = g.between(1, 8); i > 0; i--) {
                picked.add(g.between(0, slots - 1));
            }
            jobs.add(
                    new PlannedJob(
                            id,
                            action,
                            action == PlanAction.RUN ? null : MessageGen.site(g),
                            List.copyOf(picked),
                            g.kw(),
                            g.instant()));
        }
        return new SitePlan(
                new PlanId(g.id()),
                g.between(1, Integer.MAX_VALUE),
                MessageGen.site(g),
                g.instant(),
                from,
                until,
                slot,
                jobs);
    }

    static PlanAck planAck(Gen g) {
        PlanAckStatus status = g.pick(PlanAckStatus.class);
        List<JobRejection> rejected = new ArrayList<>();
        int n = status == PlanAckStatus.PARTIAL ? g.between(1, 4) : g.between(0, 2);
        for (String id : g.distinct(n, g::id)) {
            rejected.add(new JobRejection(id, "why: " + g.text(60)));
        }
        String text = g.text(80);
        String reason =
                status == PlanAckStatus.REJECTED ? "why: " + text : text.isEmpty() ? null : text;
        return new PlanAck(
                new PlanId(g.id()),
                g.between(1, Integer.MAX_VALUE),
                MessageGen.site(g),
                status,
                reason,
                rejected,
                g.instant());
    }
}
