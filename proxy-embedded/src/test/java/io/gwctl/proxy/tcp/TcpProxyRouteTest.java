package io.gwctl.proxy.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpProxyRouteTest {

    private static TcpProxy.WeightedCluster.ClusterWeight weight(String name, int weight) {
        return TcpProxy.WeightedCluster.ClusterWeight.newBuilder().setName(name).setWeight(weight).build();
    }

    @Test
    void readsTheProxyAsRendered() {
        TcpProxyRoute route = TcpProxyRoute.of(TcpProxyHarness.tcpProxy(
                io.gwctl.proxy.GatewayFixture.runtime(TcpProxyHarness.echoConfig())));
        assertThat(route.statPrefix()).isEqualTo(TcpProxyHarness.CLUSTER);
        assertThat(route.pickCluster()).isEqualTo(TcpProxyHarness.CLUSTER);
        assertThat(route.idleTimeout()).as("Envoy's default when unset").isEqualTo(java.time.Duration.ofHours(1));
        assertThat(route.maxConnectAttempts()).as("Envoy's default when unset").isEqualTo(1);
    }

    @Test
    void idleTimeoutZeroDisablesIt() {
        TcpProxyRoute route = TcpProxyRoute.of(TcpProxy.newBuilder().setCluster("c")
                .setIdleTimeout(Duration.getDefaultInstance()).build());
        assertThat(route.idleTimeout()).isZero();
        assertThat(TcpProxyRoute.of(TcpProxy.newBuilder().setCluster("c")
                .setIdleTimeout(Duration.newBuilder().setSeconds(90)).build()).idleTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(90));
    }

    @Test
    void maxConnectAttemptsIsRead() {
        assertThat(TcpProxyRoute.of(TcpProxy.newBuilder().setCluster("c")
                .setMaxConnectAttempts(UInt32Value.of(4)).build()).maxConnectAttempts()).isEqualTo(4);
    }

    @Test
    void weightedClustersArePickedByWeight() {
        TcpProxyRoute route = TcpProxyRoute.of(TcpProxy.newBuilder().setStatPrefix("a,b")
                .setWeightedClusters(TcpProxy.WeightedCluster.newBuilder()
                        .addClusters(weight("a", 75)).addClusters(weight("b", 25)))
                .build());
        Map<String, Integer> picks = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            picks.merge(route.pickCluster(), 1, Integer::sum);
        }
        assertThat(picks.keySet()).containsExactlyInAnyOrder("a", "b");
        assertThat(picks.get("a")).as("75%% of 20,000, within chance").isBetween(14_600, 15_400);
    }

    @Test
    void noClusterPicksNothing() {
        assertThat(TcpProxyRoute.of(TcpProxy.getDefaultInstance()).pickCluster()).isEmpty();
    }
}
