package io.gwctl.translate.envoy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.type.v3.HashPolicy;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.SnapshotBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code hash_policy} of a gateway's TCP proxy, as pilot's {@code maybeSetHashPolicy}
 * (istio/istio pilot/pkg/networking/core/networkfilter.go) sets it from the destination's DestinationRule.
 */
class TcpHashPoliciesTest {

    private static final String TCP_ROUTE = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: default}
            spec:
              selector: {istio: ingressgateway}
              servers:
              - port: {number: 31400, name: tcp, protocol: TCP}
                hosts: ["*"]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: default}
            spec:
              ports: [{name: tcp, port: 5432}]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: db, namespace: default}
            spec:
              hosts: ["*"]
              gateways: [gw]
              tcp:
              - route: [{destination: {host: db, port: {number: 5432}, subset: %s}}]
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: db, namespace: default}
            spec:
              host: db
              trafficPolicy:
                loadBalancer: {consistentHash: {useSourceIp: true}}
              subsets:
              - {name: primary, labels: {role: primary}}
              - name: replica
                labels: {role: replica}
                trafficPolicy:
                  loadBalancer: {simple: ROUND_ROBIN}
            """;

    private static List<HashPolicy> hashPolicies(String subset) throws InvalidProtocolBufferException {
        var snapshot = SnapshotBuilder.build(Clusters.resources(TCP_ROUTE.formatted(subset)), GatewayOptions.ingress());
        Filter filter = snapshot.listeners().get(0).getFilterChains(0).getFilters(0);
        return filter.getTypedConfig().unpack(TcpProxy.class).getHashPolicyList();
    }

    @Test
    void aRuleHashingBySourceIpGivesTheTcpProxyASourceIpHash() throws Exception {
        assertThat(hashPolicies("primary")).singleElement().satisfies(p -> assertThat(p.hasSourceIp()).isTrue());
    }

    @Test
    void aSubsetWithALoadBalancerOfItsOwnDecides() throws Exception {
        assertThat(hashPolicies("replica")).as("the subset balances round robin").isEmpty();
    }
}
