package io.gridshift.agent.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.site.SiteAdapterFactories;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.domain.config.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesSiteFactoryTest {

    @Test
    void theServiceLoaderFindsTheKubernetesFactoryBesideTheAgentsOwn() {
        SiteAdapterFactories found = SiteAdapterFactories.discover();
        assertThat(found.names()).contains("kubernetes", "simulated", "gpu");
        SiteAdapterFactory k8s = found.get("adapters", "kubernetes");
        assertThat(k8s).isInstanceOf(KubernetesSiteFactory.class);
        assertThat(k8s.options())
                .extracting(Option::key)
                .contains("kubernetes.namespaces", "kubernetes.selector");
    }

    @Test
    void namespacesAreACommaList() {
        assertThat(KubernetesSiteFactory.namespaces("batch, ml ,"))
                .isEqualTo(List.of("batch", "ml"));
    }
}
