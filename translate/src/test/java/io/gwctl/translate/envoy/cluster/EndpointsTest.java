package io.gwctl.translate.envoy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The endpoints of clusters, from Endpoints objects, ServiceEntry endpoints and WorkloadEntries. */
class EndpointsTest {

    private static List<String> addresses(ClusterLoadAssignment cla) {
        return cla.getEndpointsList().stream().flatMap(l -> l.getLbEndpointsList().stream())
                .map(LbEndpoint::getEndpoint)
                .map(e -> e.getAddress().getSocketAddress().getAddress() + ":" + e.getAddress().getSocketAddress().getPortValue())
                .toList();
    }

    /**
     * A Service's endpoints are the ready addresses of its Endpoints object on the port named as the service
     * port, HEALTHY with weight 1, in one locality weighted by their sum; not-ready addresses are left out
     * (the Kubernetes controller's endpoints conversion, {@code buildLocalityLbEndpoints} in EDS). The Pod an
     * address refers to lends its labels, under {@code envoy.lb}, and a subset cluster gets only the matching
     * ones ({@code buildSubsetCluster}).
     */
    @Test
    void kubernetesEndpointsByPortName() {
        ClusterConfig config = Clusters.of("""
                apiVersion: v1
                kind: Service
                metadata: {name: reviews, namespace: default}
                spec:
                  ports: [{name: http, port: 9080, targetPort: 9080}, {name: grpc, port: 9090}]
                ---
                apiVersion: v1
                kind: Endpoints
                metadata: {name: reviews, namespace: default}
                subsets:
                - addresses:
                  - {ip: 10.1.0.1, targetRef: {kind: Pod, name: reviews-v1}}
                  - {ip: 10.1.0.2, targetRef: {kind: Pod, name: reviews-v2}}
                  notReadyAddresses:
                  - {ip: 10.1.0.9}
                  ports: [{name: http, port: 9080}, {name: grpc, port: 19090}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: reviews-v1, namespace: default, labels: {app: reviews, version: v1}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: reviews-v2, namespace: default, labels: {app: reviews, version: v2}}
                spec: {containers: [{name: c, image: i}]}
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: reviews, namespace: default}
                spec:
                  host: reviews
                  subsets:
                  - {name: v2, labels: {version: v2}}
                """);

        ClusterLoadAssignment http = config.endpoints("outbound|9080||reviews.default.svc.cluster.local").orElseThrow();
        assertThat(addresses(http)).containsExactly("10.1.0.1:9080", "10.1.0.2:9080");
        assertThat(http.getEndpoints(0).getLoadBalancingWeight().getValue()).isEqualTo(2);
        LbEndpoint first = http.getEndpoints(0).getLbEndpoints(0);
        assertThat(first.getHealthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(first.getLoadBalancingWeight().getValue()).isEqualTo(1);
        assertThat(first.getMetadata().getFilterMetadataOrThrow("envoy.lb").getFieldsOrThrow("version").getStringValue())
                .isEqualTo("v1");
        assertThat(addresses(config.endpoints("outbound|9090||reviews.default.svc.cluster.local").orElseThrow()))
                .containsExactly("10.1.0.1:19090", "10.1.0.2:19090");
        assertThat(addresses(config.endpoints("outbound|9080|v2|reviews.default.svc.cluster.local").orElseThrow()))
                .containsExactly("10.1.0.2:9080");
    }

    /**
     * A STATIC ServiceEntry's endpoints use the port their {@code ports} map gives for the port's name, else
     * the target port, keep their weight and labels; WorkloadEntries its workloadSelector selects in its
     * namespace join them ({@code convertServiceEntryToInstances}, {@code convertWorkloadEntryToWorkloadInstance}).
     */
    @Test
    void serviceEntryAndWorkloadEntryEndpoints() {
        ClusterConfig config = Clusters.of("""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: legacy, namespace: default}
                spec:
                  hosts: [legacy.example.com]
                  ports: [{number: 80, name: http, protocol: HTTP, targetPort: 8080}]
                  resolution: STATIC
                  endpoints:
                  - {address: 10.0.0.1, ports: {http: 9000}, labels: {zone: a}, weight: 3}
                  - {address: 10.0.0.2}
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: vms, namespace: default}
                spec:
                  hosts: [vms.example.com]
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  resolution: STATIC
                  workloadSelector: {labels: {app: vm}}
                ---
                apiVersion: networking.istio.io/v1
                kind: WorkloadEntry
                metadata: {name: vm1, namespace: default}
                spec: {address: 192.168.0.1, labels: {app: vm}}
                ---
                apiVersion: networking.istio.io/v1
                kind: WorkloadEntry
                metadata: {name: vm2, namespace: other}
                spec: {address: 192.168.0.2, labels: {app: vm}}
                """);

        ClusterLoadAssignment legacy = config.endpoints("outbound|80||legacy.example.com").orElseThrow();
        assertThat(addresses(legacy)).containsExactly("10.0.0.1:9000", "10.0.0.2:8080");
        assertThat(legacy.getEndpoints(0).getLbEndpoints(0).getLoadBalancingWeight().getValue()).isEqualTo(3);
        assertThat(legacy.getEndpoints(0).getLoadBalancingWeight().getValue()).isEqualTo(4);
        assertThat(addresses(config.endpoints("outbound|80||vms.example.com").orElseThrow()))
                .containsExactly("192.168.0.1:80");
    }

    /**
     * A DNS ServiceEntry without endpoints resolves its own host name: the cluster carries it inline as its
     * load assignment ({@code convertServiceEntryToInstances}; DNS clusters' {@code LoadAssignment} in
     * {@code buildCluster}); EDS does not serve it.
     */
    @Test
    void dnsServiceEntryResolvesItsHost() {
        ClusterConfig config = Clusters.of("""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: ext, namespace: default}
                spec:
                  hosts: [api.example.com]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  resolution: DNS
                """);

        Cluster c = config.cluster("outbound|443||api.example.com").orElseThrow();
        assertThat(addresses(c.getLoadAssignment())).containsExactly("api.example.com:443");
        assertThat(c.getLoadAssignment().getClusterName()).isEqualTo(c.getName());
        assertThat(config.endpoints()).isEmpty();
    }
}
