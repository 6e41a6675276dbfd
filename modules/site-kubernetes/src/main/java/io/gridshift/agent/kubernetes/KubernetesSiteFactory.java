package io.gridshift.agent.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code adapters=...,kubernetes}: the {@link KubernetesSiteAdapter}, with a client from fabric8's
 * default configuration (kube config file, {@code KUBECONFIG}, or the pod's service account). Found
 * by the agent through {@link java.util.ServiceLoader} when this jar is on its class path.
 */
public final class KubernetesSiteFactory implements SiteAdapterFactory {
    public static final String NAME = "kubernetes";

    public static final Option<List<String>> NAMESPACES =
            Option.of(
                    "kubernetes.namespaces",
                    "default",
                    KubernetesSiteFactory::namespaces,
                    "Namespaces with flexible work, comma separated.");
    public static final Option<String> SELECTOR =
            Option.of(
                    "kubernetes.selector",
                    KubernetesAdapterOptions.DEFAULT_SELECTOR,
                    Parsers.text(),
                    "Labels that mark flexible Jobs and Deployments, `key=value[,key=value]`.");
    public static final Option<Double> DEFAULT_POD_KW =
            Option.of(
                    "kubernetes.defaultPodKw",
                    Double.toString(KubernetesAdapterOptions.DEFAULT_POD_KW),
                    Parsers.number(0, 100),
                    "Power of a pod whose workload has no power annotation, kW.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Option<?>> options() {
        return List.of(NAMESPACES, SELECTOR, DEFAULT_POD_KW);
    }

    @Override
    public SiteAdapter create(Settings settings, SiteId site, GridZone zone, Instant start) {
        KubernetesAdapterOptions defaults =
                KubernetesAdapterOptions.defaults(site, zone, settings.get(NAMESPACES));
        KubernetesAdapterOptions options =
                new KubernetesAdapterOptions(
                        site,
                        zone,
                        defaults.namespaces(),
                        settings.get(SELECTOR),
                        settings.get(DEFAULT_POD_KW),
                        defaults.ramp(),
                        defaults.jobCostPerKwh(),
                        defaults.serviceValuePerKwh());
        KubernetesClient client = new KubernetesClientBuilder().build();
        return new KubernetesSiteAdapter(options, client);
    }

    static List<String> namespaces(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return List.copyOf(names);
    }
}
