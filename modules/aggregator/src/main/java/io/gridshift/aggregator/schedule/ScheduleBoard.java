package io.gridshift.aggregator.schedule;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schedule's cluster state, in Hazelcast maps keyed by site and stored as the edge protocol's
 * JSON (no serializer to register, and every node reads what any node wrote): the newest jobs
 * report of each site, the plan version each site was sent, each site's latest plan ack, and the
 * plan's summary for the REST API. Blocking calls; callers keep them off event loops.
 */
public final class ScheduleBoard {
    public static final String JOBS_MAP = "gridshift.schedule.jobs";
    public static final String PLANS_MAP = "gridshift.schedule.plans";
    public static final String ACKS_MAP = "gridshift.schedule.acks";
    public static final String SUMMARY_MAP = "gridshift.schedule.summary";

    private static final String SUMMARY = "current";
    private static final String VERSION = "version";

    private final IMap<String, byte[]> jobs;
    private final IMap<String, byte[]> plans;
    private final IMap<String, byte[]> acks;
    private final IMap<String, String> summary;
    private final EdgeCodec codec = EdgeCodec.json();

    public ScheduleBoard(HazelcastInstance hz) {
        this.jobs = hz.getMap(JOBS_MAP);
        this.plans = hz.getMap(PLANS_MAP);
        this.acks = hz.getMap(ACKS_MAP);
        this.summary = hz.getMap(SUMMARY_MAP);
    }

    /**
     * Files a jobs report unless the site's stored one is newer (by {@code seq}); a compare-and-set
     * loop, so that two nodes filing reports of the same site never let the older win.
     *
     * @return whether it was filed
     */
    public boolean putJobs(SiteJobs report) {
        String key = report.site().value();
        byte[] bytes = codec.encode(report);
        while (true) {
            byte[] old = jobs.get(key);
            if (old == null) {
                if (jobs.putIfAbsent(key, bytes) == null) {
                    return true;
                }
                continue;
            }
            if (!report.newerThan(codec.decodeJobs(old))) {
                return false;
            }
            if (jobs.replace(key, old, bytes)) {
                return true;
            }
        }
    }

    /** Every site's newest jobs report. */
    public Map<SiteId, SiteJobs> allJobs() {
        Map<SiteId, SiteJobs> out = new HashMap<>();
        jobs.forEach((k, v) -> out.put(SiteId.of(k), codec.decodeJobs(v)));
        return out;
    }

    public void putPlan(SitePlan plan) {
        plans.set(plan.site().value(), codec.encode(plan));
    }

    public Optional<SitePlan> plan(SiteId site) {
        return Optional.ofNullable(plans.get(site.value())).map(codec::decodePlan);
    }

    /** Files an ack of the site's current plan; an ack of another plan or version is not kept. */
    public boolean putAck(PlanAck ack) {
        Optional<SitePlan> current = plan(ack.site());
        if (current.isEmpty()
                || !current.get().planId().equals(ack.planId())
                || current.get().version() != ack.version()) {
            return false;
        }
        acks.set(ack.site().value(), codec.encode(ack));
        return true;
    }

    public Optional<PlanAck> ack(SiteId site) {
        return Optional.ofNullable(acks.get(site.value())).map(codec::decodePlanAck);
    }

    public Map<SiteId, PlanAck> allAcks() {
        Map<SiteId, PlanAck> out = new HashMap<>();
        acks.forEach((k, v) -> out.put(SiteId.of(k), codec.decodePlanAck(v)));
        return out;
    }

    /** The last version issued in the cluster (a new lease holder goes on from it). */
    public int lastVersion() {
        String v = summary.get(VERSION);
        return v == null ? 0 : Integer.parseInt(v);
    }

    public void putSummary(int version, String json) {
        summary.set(VERSION, Integer.toString(version));
        summary.set(SUMMARY, json);
    }

    public Optional<String> summary() {
        return Optional.ofNullable(summary.get(SUMMARY));
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
