package io.gridshift.agent.kubernetes;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The API calls the adapter makes, each turned into a {@link GridshiftException} when the server
 * fails, times out or answers something that cannot be read (the client's timeouts come from its
 * own configuration). Edits go through the client's {@code edit}, one PATCH per object, so that a
 * Job's suspension and its annotations change together.
 */
final class Cluster {
    private final KubernetesClient client;
    private final List<String> namespaces;
    private final Map<String, String> selector;
    private final double defaultPodKw;

    Cluster(KubernetesClient client, KubernetesAdapterOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespaces = options.namespaces();
        this.selector = options.selectorLabels();
        this.defaultPodKw = options.defaultPodKw();
    }

    List<FlexJob> jobs() {
        List<FlexJob> jobs = new ArrayList<>();
        for (String ns : namespaces) {
            List<Job> items =
                    call(
                            "list jobs in " + ns,
                            () ->
                                    client.batch()
                                            .v1()
                                            .jobs()
                                            .inNamespace(ns)
                                            .withLabels(selector)
                                            .list()
                                            .getItems());
            for (Job job : items) {
                jobs.add(Convention.job(job, defaultPodKw));
            }
        }
        return jobs;
    }

    List<FlexDeployment> deployments() {
        List<FlexDeployment> deployments = new ArrayList<>();
        for (String ns : namespaces) {
            List<Deployment> items =
                    call(
                            "list deployments in " + ns,
                            () ->
                                    client.apps()
                                            .deployments()
                                            .inNamespace(ns)
                                            .withLabels(selector)
                                            .list()
                                            .getItems());
            for (Deployment d : items) {
                deployments.add(Convention.deployment(d, defaultPodKw));
            }
        }
        return deployments;
    }

    void editJob(FlexJob job, UnaryOperator<Job> change) {
        call(
                "edit " + job.ref(),
                () ->
                        client.batch()
                                .v1()
                                .jobs()
                                .inNamespace(job.namespace())
                                .withName(job.name())
                                .edit(change));
    }

    void editDeployment(FlexDeployment d, UnaryOperator<Deployment> change) {
        call(
                "edit " + d.ref(),
                () ->
                        client.apps()
                                .deployments()
                                .inNamespace(d.namespace())
                                .withName(d.name())
                                .edit(change));
    }

    private static <T> T call(String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (GridshiftException e) {
            throw e;
        } catch (RuntimeException e) {
            // KubernetesClientException for HTTP errors and timeouts; anything else for garbage.
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "kubernetes_api",
                    "Kubernetes API, " + what + ": " + e.getMessage(),
                    e);
        }
        if (result == null) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "kubernetes_api",
                    "Kubernetes API, " + what + ": empty answer");
        }
        return result;
    }
}
