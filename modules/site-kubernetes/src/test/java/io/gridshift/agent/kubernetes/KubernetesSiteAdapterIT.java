package io.gridshift.agent.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against fabric8's mock API server in CRUD mode (no real cluster on the build
 * machine): objects are stored and patched as a real API server would, and expectations added on
 * top of CRUD simulate failing calls.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesSiteAdapterIT {
    private static final String NS = "batch";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant END = NOW.plus(Duration.ofHours(1));

    KubernetesClient client;
    KubernetesMockServer server;

    private KubernetesSiteAdapter adapter;

    @BeforeEach
    void setUp() {
        adapter = newAdapter();
        job("train-a", "40", NOW.plus(Duration.ofHours(6)));
        job("train-b", "25", null);
        job("etl-urgent", "30", NOW.plus(Duration.ofMinutes(30)));
        deployment("inference", 5, "2", "4");
    }

    private KubernetesSiteAdapter newAdapter() {
        return new KubernetesSiteAdapter(
                KubernetesAdapterOptions.defaults(
                        SiteId.of("dc-1"), GridZone.of("DE-LU"), List.of(NS)),
                client);
    }

    @Test
    void envelopeOffersJobsThatKeepTheirDeadlinesAndReplicasAboveTheMinimum() {
        FlexEnvelope env = adapter.envelope(NOW, Duration.ofHours(1));

        // etl-urgent's deadline falls inside the hour: not offered.
        assertThat(env.resource(KubernetesSiteAdapter.JOBS).orElseThrow().maxReductionKw())
                .isEqualTo(65.0);
        assertThat(env.resource(KubernetesSiteAdapter.DEPLOYMENTS).orElseThrow().maxReductionKw())
                .isEqualTo(12.0);
        assertThat(env.baselineKw()).isEqualTo(40 + 25 + 30 + 5 * 4.0);
        assertThat(adapter.read(NOW).itKw()).isEqualTo(115.0);
    }

    @Test
    void applySuspendsJobsAndScalesDownThenRevertRestoresExactlyOnce() {
        DispatchOrder order = order("d-1", reduce("k8s-jobs", 30), reduce("k8s-deployments", 6));
        assertThat(adapter.check(order, NOW)).isEmpty();

        adapter.apply(order, NOW);

        // No deadline goes first (most slack): train-b (25 kW), then train-a (40 kW).
        assertThat(suspended("train-a")).isTrue();
        assertThat(suspended("train-b")).isTrue();
        assertThat(suspended("etl-urgent")).isFalse();
        assertThat(jobGet("train-a").getMetadata().getAnnotations())
                .containsEntry("gridshift.io/held-by", "d-1")
                .containsEntry("gridshift.io/held-until", END.toString());
        assertThat(replicas("inference")).isEqualTo(3);
        assertThat(adapter.achievedKw(order, NOW)).isEqualTo(65.0 + 8.0);
        assertThat(adapter.envelope(NOW, Duration.ofMinutes(5)).baselineKw()).isEqualTo(115.0);

        adapter.revert(order, NOW);

        assertThat(suspended("train-a")).isFalse();
        assertThat(suspended("train-b")).isFalse();
        assertThat(replicas("inference")).isEqualTo(5);
        assertThat(deploymentGet("inference").getMetadata().getAnnotations())
                .doesNotContainKeys("gridshift.io/held-by", "gridshift.io/previous-replicas");
        assertThat(adapter.achievedKw(order, NOW)).isZero();

        String before = resourceVersions();
        adapter.revert(order, NOW);
        assertThat(resourceVersions()).isEqualTo(before);
    }

    @Test
    void checkRefusesDeadlinesUnknownResourcesAndTooMuch() {
        assertThat(adapter.check(order("d-2", reduce("k8s-jobs", 90)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("etl-urgent").contains("deadline"));
        assertThat(adapter.check(order("d-2", reduce("k8s-jobs", 200)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("only 65.0 kW"));
        assertThat(adapter.check(order("d-2", reduce("chillers", 1)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("unknown resource 'chillers'"));
        assertThat(adapter.check(order("d-2", reduce("k8s-deployments", 13)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("only 12.0 kW"));
        assertThatThrownBy(() -> adapter.apply(order("d-2", reduce("k8s-jobs", 90)), NOW))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("deadline");
        assertThat(suspended("train-a")).isFalse();
    }

    @Test
    void aFailedCallPartWayUndoesWhatWasDoneAndThrowsTheReason() {
        server.expect()
                .patch()
                .withPath("/apis/apps/v1/namespaces/batch/deployments/inference")
                .andReturn(500, "{\"kind\":\"Status\",\"message\":\"etcd unavailable\"}")
                .always();
        DispatchOrder order = order("d-3", reduce("k8s-jobs", 30), reduce("k8s-deployments", 4));
        // the client's own retries of a 5xx (with back-off) are the operator's setting; off here
        KubernetesClient noRetries =
                new KubernetesClientBuilder()
                        .withConfig(
                                new ConfigBuilder(client.getConfiguration())
                                        .withRequestRetryBackoffLimit(0)
                                        .build())
                        .build();
        KubernetesSiteAdapter impatient =
                new KubernetesSiteAdapter(
                        KubernetesAdapterOptions.defaults(
                                SiteId.of("dc-1"), GridZone.of("DE-LU"), List.of(NS)),
                        noRetries);

        assertThatThrownBy(() -> impatient.apply(order, NOW))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("not applied")
                .hasMessageContaining("inference");

        assertThat(suspended("train-a")).isFalse();
        assertThat(suspended("train-b")).isFalse();
        assertThat(jobGet("train-b").getMetadata().getAnnotations())
                .doesNotContainKey("gridshift.io/held-by");
        assertThat(replicas("inference")).isEqualTo(5);
    }

    @Test
    void aReboundLimitIsRefusedWithWhyAndChangesNothing() {
        DispatchOrder limit =
                order(
                        "rb-1",
                        new DispatchAction.LimitRebound(
                                "k8s-jobs", Duration.ofMinutes(1), List.of(10.0)));
        assertThat(adapter.check(limit, NOW))
                .hasValueSatisfying(
                        why ->
                                assertThat(why)
                                        .startsWith(
                                                "LIMIT_REBOUND on 'k8s-jobs' is not supported"));
        assertThatThrownBy(() -> adapter.apply(limit, NOW)).isInstanceOf(GridshiftException.class);
        assertThat(suspended("train-a")).isFalse();
        assertThat(suspended("train-b")).isFalse();
        assertThat(replicas("inference")).isEqualTo(5);
    }

    @Test
    void aJobDeletedBeforeApplyIsRefusedAndNothingChanges() {
        DispatchOrder order = order("d-4", reduce("k8s-jobs", 60));
        assertThat(adapter.check(order, NOW)).isEmpty();
        client.batch().v1().jobs().inNamespace(NS).withName("train-a").delete();

        assertThatThrownBy(() -> adapter.apply(order, NOW))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("cannot hold 60.0 kW");
        assertThat(suspended("train-b")).isFalse();
    }

    @Test
    void garbageFromTheApiServerIsAReasonNotAnException() {
        server.expect()
                .get()
                .withPath(
                        "/apis/batch/v1/namespaces/batch/jobs?labelSelector=gridshift.io%2Fflexible%3Dtrue")
                .andReturn(200, "<html>proxy error</html>")
                .always();

        assertThat(adapter.check(order("d-5", reduce("k8s-jobs", 10)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("Kubernetes API"));
        assertThat(adapter.achievedKw(order("d-5", reduce("k8s-jobs", 10)), NOW)).isZero();
    }

    @Test
    void aFreshAdapterRevertsWhatAnEarlierOneApplied() {
        DispatchOrder order = order("d-6", reduce("k8s-jobs", 20), reduce("k8s-deployments", 2));
        adapter.apply(order, NOW);
        assertThat(suspended("train-b")).isTrue();
        assertThat(replicas("inference")).isEqualTo(4);

        KubernetesSiteAdapter restarted = newAdapter();
        assertThat(restarted.achievedKw(order, NOW)).isEqualTo(25.0 + 4.0);
        restarted.revert(order, NOW);

        assertThat(suspended("train-b")).isFalse();
        assertThat(replicas("inference")).isEqualTo(5);
    }

    private void job(String name, String kw, Instant deadline) {
        JobBuilder b =
                new JobBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NS)
                        .withLabels(Map.of("gridshift.io/flexible", "true"))
                        .addToAnnotations("gridshift.io/power-kw", kw)
                        .endMetadata()
                        .withNewSpec()
                        .withSuspend(false)
                        .withNewTemplate()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("main")
                        .withImage("busybox")
                        .endContainer()
                        .withRestartPolicy("Never")
                        .endSpec()
                        .endTemplate()
                        .endSpec();
        Job job = b.build();
        if (deadline != null) {
            job.getMetadata().getAnnotations().put("gridshift.io/deadline", deadline.toString());
        }
        client.batch().v1().jobs().inNamespace(NS).resource(job).create();
    }

    private void deployment(String name, int replicas, String min, String kwPerReplica) {
        Deployment d =
                new DeploymentBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(NS)
                        .withLabels(Map.of("gridshift.io/flexible", "true"))
                        .addToAnnotations("gridshift.io/min-replicas", min)
                        .addToAnnotations("gridshift.io/power-kw-per-replica", kwPerReplica)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(replicas)
                        .endSpec()
                        .build();
        client.apps().deployments().inNamespace(NS).resource(d).create();
    }

    private Job jobGet(String name) {
        return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
    }

    private Deployment deploymentGet(String name) {
        return client.apps().deployments().inNamespace(NS).withName(name).get();
    }

    private boolean suspended(String name) {
        return Boolean.TRUE.equals(jobGet(name).getSpec().getSuspend());
    }

    private int replicas(String name) {
        return deploymentGet(name).getSpec().getReplicas();
    }

    private String resourceVersions() {
        StringBuilder sb = new StringBuilder();
        for (Job j : client.batch().v1().jobs().inNamespace(NS).list().getItems()) {
            sb.append(j.getMetadata().getName()).append('=');
            sb.append(j.getMetadata().getResourceVersion()).append(' ');
        }
        return sb.append(deploymentGet("inference").getMetadata().getResourceVersion()).toString();
    }

    private static DispatchAction reduce(String resource, double kw) {
        return new DispatchAction.Reduce(resource, kw);
    }

    private static DispatchOrder order(String id, DispatchAction... actions) {
        return new DispatchOrder(
                DispatchId.of(id),
                1,
                null,
                SiteId.of("dc-1"),
                NOW,
                NOW,
                END,
                Arrays.asList(actions));
    }
}
