package io.gridshift.agent.kubernetes;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.Limits;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of {@link KubernetesSiteAdapter}.
 *
 * @param site the site's id, for the envelope
 * @param zone the site's grid zone, for the envelope
 * @param namespaces the namespaces to look in, at least one
 * @param selector the labels that mark flexible work, {@code key=value[,key=value]} (default
 *     {@value #DEFAULT_SELECTOR})
 * @param defaultPodKw the power of one pod when a workload has no power annotation, 0 to 100 kW
 *     (default 0.5)
 * @param ramp time for a suspension or a scale-down to take effect (default 30 s: pods get their
 *     termination grace period)
 * @param jobCostPerKwh cost of deferring one kWh of Job work (default 0.05)
 * @param serviceValuePerKwh value of the work a Deployment's replicas do, to price the capacity
 *     lost by scaling down (default 2.5)
 */
public record KubernetesAdapterOptions(
        SiteId site,
        GridZone zone,
        List<String> namespaces,
        String selector,
        double defaultPodKw,
        Duration ramp,
        double jobCostPerKwh,
        double serviceValuePerKwh) {
    public static final String DEFAULT_SELECTOR = "gridshift.io/flexible=true";
    public static final double DEFAULT_POD_KW = 0.5;
    public static final Duration DEFAULT_RAMP = Duration.ofSeconds(30);
    public static final double DEFAULT_JOB_COST_PER_KWH = 0.05;
    public static final double DEFAULT_SERVICE_VALUE_PER_KWH = 2.5;

    public KubernetesAdapterOptions {
        Check.required("site", site);
        Check.required("zone", zone);
        namespaces = List.copyOf(Check.size("namespaces", namespaces, 1, 256));
        labels(Check.required("selector", selector));
        Check.range("defaultPodKw", defaultPodKw, 0, 100);
        Check.duration("ramp", Check.required("ramp", ramp), Limits.MAX_RAMP);
        Check.range("jobCostPerKwh", jobCostPerKwh, 0, Limits.MAX_COST_PER_KWH);
        Check.range("serviceValuePerKwh", serviceValuePerKwh, 0, Limits.MAX_COST_PER_KWH);
    }

    /** The defaults for a site that runs its flexible work in {@code namespaces}. */
    public static KubernetesAdapterOptions defaults(
            SiteId site, GridZone zone, List<String> namespaces) {
        return new KubernetesAdapterOptions(
                site,
                zone,
                namespaces,
                DEFAULT_SELECTOR,
                DEFAULT_POD_KW,
                DEFAULT_RAMP,
                DEFAULT_JOB_COST_PER_KWH,
                DEFAULT_SERVICE_VALUE_PER_KWH);
    }

    /** The selector as a label map (equality only: {@code key=value} pairs). */
    public Map<String, String> selectorLabels() {
        return labels(selector);
    }

    private static Map<String, String> labels(String selector) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : selector.split(",", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).trim();
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (key.isEmpty() || value.isEmpty()) {
                throw new InvalidFieldException(
                        "selector", "format", selector, "must be key=value[,key=value]");
            }
            labels.put(key, value);
        }
        return labels;
    }
}
