package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The request in arrays: slot cost per zone, room per site and zone after the fixed jobs, and per
 * job its slots, window and the sites it may run at with their earliest start.
 */
final class PlanProblem {
    final ScheduleRequest request;
    final SlotGrid grid;
    final int sites;
    final int slots;
    final List<GridZone> zones = new ArrayList<>();
    final int[] siteZone;

    /** Cost of one kW over slot t in zone z: hours × (price + carbon price × intensity). */
    final double[][] zoneCost;

    /** Free kW per site and slot (hosting and import), after fixed jobs. */
    final double[][] siteRoom;

    /** Free kW per zone and slot (grid headroom), after fixed jobs. */
    final double[][] zoneRoom;

    /** Jobs to plan, their index in the request, slots, earliest arrival slot and end bound. */
    final List<ScheduleJob> jobs = new ArrayList<>();

    final List<int[]> jobSites = new ArrayList<>();
    final List<int[]> jobEarliest = new ArrayList<>();
    int[] jobSlots;
    int[] jobEnd;

    /** Slots a job may be held past its earliest start at a site (TEMPORAL, BOTH), else 0. */
    int holdSlots;

    final Map<SiteId, Integer> siteIndex = new HashMap<>();
    private Map<Integer, List<Integer>> byLength;

    PlanProblem(ScheduleRequest request) {
        this.request = request;
        this.grid = request.grid();
        this.sites = request.sites().size();
        this.slots = grid.slots();
        this.siteZone = new int[sites];
        Map<GridZone, Integer> zi = new HashMap<>();
        for (int s = 0; s < sites; s++) {
            ScheduleSite site = request.sites().get(s);
            siteIndex.put(site.id(), s);
            siteZone[s] =
                    zi.computeIfAbsent(
                            site.zone(),
                            z -> {
                                zones.add(z);
                                return zones.size() - 1;
                            });
        }
        this.zoneCost = new double[zones.size()][slots];
        this.zoneRoom = new double[zones.size()][slots];
        double h = grid.slotHours();
        double cp = request.options().carbonPricePerTonne();
        for (int z = 0; z < zones.size(); z++) {
            ZoneSignal f =
                    request.forecast().get(zones.get(z)).window(grid.start(), grid.slot(), slots);
            double head = request.headroomKw(zones.get(z));
            for (int t = 0; t < slots; t++) {
                zoneCost[z][t] = h * (f.pricePerMwh()[t] / 1000 + f.carbonGPerKwh()[t] * cp / 1e6);
                zoneRoom[z][t] = head;
            }
        }
        this.siteRoom = new double[sites][slots];
        for (int s = 0; s < sites; s++) {
            java.util.Arrays.fill(siteRoom[s], Math.max(0, request.sites().get(s).roomKw()));
        }
    }

    /** Takes {@code kw} at site s in slot t out of the room (a fixed or assigned job). */
    void occupy(int s, int t, double kw) {
        siteRoom[s][t] -= kw;
        zoneRoom[siteZone[s]][t] -= kw;
    }

    boolean fits(int s, int t, double kw) {
        return siteRoom[s][t] + 1e-9 >= kw && zoneRoom[siteZone[s]][t] + 1e-9 >= kw;
    }

    /** Adds a job to plan with its candidate sites and earliest start per site. */
    void addJob(ScheduleJob job, int[] siteList, int[] earliest) {
        jobs.add(job);
        jobSites.add(siteList);
        jobEarliest.add(earliest);
    }

    void freeze(int[] slotsPerJob, int[] end, int hold) {
        this.jobSlots = slotsPerJob;
        this.jobEnd = end;
        this.holdSlots = hold;
    }

    /** Jobs grouped by their number of slots. */
    Map<Integer, List<Integer>> jobsByLength() {
        if (byLength == null) {
            byLength = new java.util.TreeMap<>();
            for (int j = 0; j < jobs.size(); j++) {
                byLength.computeIfAbsent(jobSlots[j], k -> new ArrayList<>()).add(j);
            }
        }
        return byLength;
    }

    /** Index of site s among job j's candidate sites, or -1. */
    int optionOf(int j, int s) {
        int[] list = jobSites.get(j);
        for (int o = 0; o < list.length; o++) {
            if (list[o] == s) {
                return o;
            }
        }
        return -1;
    }

    /** Latest start of job j at its k-th candidate site. */
    int latestStart(int j, int k) {
        return Math.min(jobEnd[j] - jobSlots[j], jobEarliest.get(j)[k] + holdSlots);
    }

    /** End bound (exclusive) of the slots job j may use at its k-th site. */
    int lastEnd(int j, int k) {
        return latestStart(j, k) + jobSlots[j];
    }

    double transferCost(int j, int s) {
        ScheduleJob job = jobs.get(j);
        return request.sites().get(s).id().equals(job.origin())
                ? 0
                : job.dataGb() * request.network().costPerGb();
    }
}
