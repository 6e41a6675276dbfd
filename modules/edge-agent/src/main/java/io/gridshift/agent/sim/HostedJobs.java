package io.gridshift.agent.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Jobs migrated in from other sites, running in the hosting reserve: id to IT kW. */
final class HostedJobs {
    private final Map<String, Double> kwById = new LinkedHashMap<>();

    void start(String job, double kw) {
        kwById.put(job, kw);
    }

    void stop(String job) {
        kwById.remove(job);
    }

    boolean contains(String job) {
        return kwById.containsKey(job);
    }

    double kw() {
        double kw = 0;
        for (double v : kwById.values()) {
            kw += v;
        }
        return kw;
    }

    int count() {
        return kwById.size();
    }
}
