package io.gwctl.translate.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Istio's naming: {@code model.BuildSubsetKey} and {@code ResolveShortnameToFQDN}. */
class NamesTest {

    @Test
    void clusterNamesRoundTrip() {
        ClusterName name = ClusterName.outbound(8000, "", "httpbin.default.svc.cluster.local");
        assertThat(name).hasToString("outbound|8000||httpbin.default.svc.cluster.local");
        assertThat(ClusterName.parse("outbound|9080|v2|reviews.default.svc.cluster.local"))
                .contains(ClusterName.outbound(9080, "v2", "reviews.default.svc.cluster.local"));
        assertThat(ClusterName.parse("BlackHoleCluster")).isEmpty();
    }

    @Test
    void shortNamesExpandInTheConfigsNamespace() {
        assertThat(ShortNames.fqdn("reviews", "default", "cluster.local")).isEqualTo("reviews.default.svc.cluster.local");
        assertThat(ShortNames.fqdn("reviews.prod", "default", "cluster.local")).isEqualTo("reviews.prod");
        assertThat(ShortNames.fqdn("*", "default", "cluster.local")).isEqualTo("*");
        assertThat(ShortNames.fqdn("10.0.0.1", "default", "cluster.local")).isEqualTo("10.0.0.1");
    }
}
