package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.gwctl.proxy.runtime.UpstreamOverride;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EndpointSliceUpstreamsTest {

    private static final Service WEB = new ServiceBuilder()
            .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
            .withNewSpec()
                .addNewPort().withName("http").withPort(80).endPort()
                .addNewPort().withName("grpc").withPort(9090).endPort()
            .endSpec()
            .build();

    @Test
    void readyAddressesServeTheServicePortOfTheSameName() {
        EndpointSlice slice = slice("web-1", Map.of(EndpointSliceUpstreams.SERVICE_NAME_LABEL, "web"), "IPv4");
        assertThat(EndpointSliceUpstreams.of(List.of(WEB), List.of(slice), "cluster.local")).containsExactly(
                upstream(80, "10.0.0.1", 8080),
                upstream(80, "10.0.0.3", 8080),
                upstream(9090, "10.0.0.1", 9000),
                upstream(9090, "10.0.0.3", 9000));
    }

    @Test
    void aSliceListedTwiceGivesEachAddressOnce() {
        EndpointSlice a = slice("web-1", Map.of(EndpointSliceUpstreams.SERVICE_NAME_LABEL, "web"), "IPv4");
        EndpointSlice b = slice("web-2", Map.of(EndpointSliceUpstreams.SERVICE_NAME_LABEL, "web"), "IPv4");
        assertThat(EndpointSliceUpstreams.of(List.of(WEB), List.of(a, b), "cluster.local")).hasSize(4);
    }

    @Test
    void slicesPilotSkipsGiveNothing() {
        assertThat(EndpointSliceUpstreams.of(List.of(WEB), List.of(
                slice("fqdn", Map.of(EndpointSliceUpstreams.SERVICE_NAME_LABEL, "web"), "FQDN"),
                slice("mcs", Map.of(EndpointSliceUpstreams.SERVICE_NAME_LABEL, "web",
                        EndpointSliceUpstreams.MULTI_CLUSTER_SERVICE_NAME_LABEL, "web"), "IPv4"),
                slice("orphan", Map.of(EndpointSliceUpstreams.SERVICE_NAME_LABEL, "gone"), "IPv4"),
                slice("unlabelled", Map.of(), "IPv4")), "cluster.local"))
                .as("FQDN slices, multi-cluster slices, and slices of no known Service").isEmpty();
    }

    /** 10.0.0.1 ready, 10.0.0.2 not ready, 10.0.0.3 with no condition (ready); ports http=8080, grpc=9000. */
    private static EndpointSlice slice(String name, Map<String, String> labels, String addressType) {
        return new EndpointSliceBuilder()
                .withNewMetadata().withName(name).withNamespace("shop").withLabels(labels).endMetadata()
                .withAddressType(addressType)
                .addNewEndpoint().withAddresses("10.0.0.1").withNewConditions().withReady(true).endConditions().endEndpoint()
                .addNewEndpoint().withAddresses("10.0.0.2").withNewConditions().withReady(false).endConditions().endEndpoint()
                .addNewEndpoint().withAddresses("10.0.0.3").endEndpoint()
                .addNewPort().withName("http").withPort(8080).endPort()
                .addNewPort().withName("grpc").withPort(9000).endPort()
                .build();
    }

    private static UpstreamOverride upstream(int port, String address, int target) {
        return new UpstreamOverride("web.shop.svc.cluster.local", port, new InetSocketAddress(address, target), Map.of());
    }
}
