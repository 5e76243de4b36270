package io.gwctl.cli.proxyconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.admin.v3.ClusterStatus;
import io.envoyproxy.envoy.admin.v3.HostHealthStatus;
import io.envoyproxy.envoy.admin.v3.HostStatus;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.HealthStatus;
import io.envoyproxy.envoy.config.core.v3.Metadata;
import io.envoyproxy.envoy.config.core.v3.Pipe;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.Endpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tables of {@code proxy-config}, in istioctl's layout ({@code istioctl/pkg/writer/envoy/configdump}:
 * the route golden {@code testdata/routes/istio-gateway-http-route-prefix/output.txt} shows the columns).
 */
class TablesTest {

    private static Metadata istioConfig(String path) {
        return Metadata.newBuilder().putFilterMetadata("istio", Struct.newBuilder()
                .putFields("config", Value.newBuilder().setStringValue(path).build()).build()).build();
    }

    @Test
    void routesShowOneRowPerRouteAndA404ForEmptyVirtualHosts() {
        RouteConfiguration http = RouteConfiguration.newBuilder().setName("http.8080")
                .addVirtualHosts(VirtualHost.newBuilder().setName("httpbin.example.com:80").addDomains("httpbin.example.com")
                        .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/status"))
                                .setRoute(RouteAction.newBuilder().setCluster("outbound|8000||httpbin.default.svc.cluster.local"))
                                .setMetadata(istioConfig("/apis/networking.istio.io/v1/namespaces/default/virtual-service/httpbin")))
                        .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPath("/delay"))
                                .setRoute(RouteAction.newBuilder().setCluster("outbound|8000||httpbin.default.svc.cluster.local"))
                                .setMetadata(istioConfig("/apis/networking.istio.io/v1/namespaces/default/virtual-service/httpbin"))))
                .build();
        RouteConfiguration empty = RouteConfiguration.newBuilder().setName("http.9090")
                .addVirtualHosts(VirtualHost.newBuilder().setName("blackhole:9090").addDomains("*"))
                .build();
        assertThat(RoutesTable.render(List.of(http, empty))).isEqualTo("""
                NAME          VHOST NAME                 DOMAINS                 MATCH        VIRTUAL SERVICE
                http.8080     httpbin.example.com:80     httpbin.example.com     /status*     httpbin.default
                http.8080     httpbin.example.com:80     httpbin.example.com     /delay       httpbin.default
                http.9090     blackhole:9090             *                       /*           404
                """);
    }

    @Test
    void manyDomainsAreAbbreviated() {
        assertThat(RoutesTable.domains(List.of("a", "b", "c", "d"))).isEqualTo("a, b + 2 more...");
    }

    @Test
    void listenersShowWhatEachChainMatchesAndWhereItGoes() {
        Listener listener = Listener.newBuilder().setName("0.0.0.0_8443")
                .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(8443)))
                .addFilterChains(FilterChain.newBuilder()
                        .setFilterChainMatch(FilterChainMatch.newBuilder().addServerNames("bookinfo.example.com"))
                        .addFilters(Filter.newBuilder().setName("envoy.filters.network.http_connection_manager")
                                .setTypedConfig(Any.pack(HttpConnectionManager.newBuilder()
                                        .setRds(Rds.newBuilder().setRouteConfigName("https.443.https.gw.default")).build()))))
                .addFilterChains(FilterChain.newBuilder()
                        .setFilterChainMatch(FilterChainMatch.newBuilder().addServerNames("db.example.com"))
                        .addFilters(Filter.newBuilder().setName("envoy.filters.network.tcp_proxy")
                                .setTypedConfig(Any.pack(TcpProxy.newBuilder().setStatPrefix("db")
                                        .setCluster("outbound|5432||db.default.svc.cluster.local").build()))))
                .build();
        assertThat(ListenersTable.render(List.of(listener))).isEqualTo("""
                ADDRESSES     PORT     MATCH                         DESTINATION
                0.0.0.0       8443     SNI: bookinfo.example.com     Route: https.443.https.gw.default
                0.0.0.0       8443     SNI: db.example.com           Cluster: outbound|5432||db.default.svc.cluster.local
                """);
    }

    @Test
    void clustersSplitIstioNames() {
        Cluster reviews = Cluster.newBuilder().setName("outbound|9080|v2|reviews.default.svc.cluster.local")
                .setType(Cluster.DiscoveryType.EDS)
                .setMetadata(istioConfig("/apis/networking.istio.io/v1/namespaces/default/destination-rule/reviews"))
                .build();
        Cluster other = Cluster.newBuilder().setName("BlackHoleCluster").setType(Cluster.DiscoveryType.STATIC).build();
        assertThat(ClustersTable.render(List.of(reviews, other))).isEqualTo("""
                SERVICE FQDN                          PORT     SUBSET     DIRECTION     TYPE       DESTINATION RULE
                reviews.default.svc.cluster.local     9080     v2         outbound      EDS        reviews.default
                BlackHoleCluster                      -        -          -             STATIC
                """);
    }

    @Test
    void endpointsOfUnknownHealthAreHealthy() {
        ClusterLoadAssignment cla = ClusterLoadAssignment.newBuilder()
                .setClusterName("outbound|8000||httpbin.default.svc.cluster.local")
                .addEndpoints(LocalityLbEndpoints.newBuilder().addLbEndpoints(LbEndpoint.newBuilder()
                        .setEndpoint(Endpoint.newBuilder().setAddress(Address.newBuilder().setSocketAddress(
                                SocketAddress.newBuilder().setAddress("10.244.0.178").setPortValue(80))))))
                .build();
        assertThat(EndpointsTable.render(List.of(cla))).isEqualTo("""
                ENDPOINT            STATUS      OUTLIER CHECK     CLUSTER
                10.244.0.178:80     HEALTHY     OK                outbound|8000||httpbin.default.svc.cluster.local
                """);
    }

    @Test
    void liveEndpointsShowEdsHealthAndOutlierStateSortedByAddressPortCluster() {
        ClusterStatus b = ClusterStatus.newBuilder().setName("b")
                .addHostStatuses(host(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress("10.0.0.1").setPortValue(80)), HealthStatus.UNHEALTHY, true))
                .build();
        ClusterStatus a = ClusterStatus.newBuilder().setName("a")
                .addHostStatuses(host(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress("10.0.0.1").setPortValue(80)), HealthStatus.HEALTHY, false))
                .addHostStatuses(host(Address.newBuilder().setPipe(Pipe.newBuilder().setPath("/tmp/sock")),
                        HealthStatus.HEALTHY, false))
                .build();
        assertThat(EndpointsTable.renderLive(List.of(b, a))).isEqualTo("""
                ENDPOINT             STATUS        OUTLIER CHECK     CLUSTER
                10.0.0.1:80          HEALTHY       OK                a
                10.0.0.1:80          UNHEALTHY     FAILED            b
                unix:///tmp/sock     HEALTHY       OK                a
                """);
    }

    private static HostStatus host(Address.Builder address, HealthStatus health, boolean ejected) {
        return HostStatus.newBuilder().setAddress(address)
                .setHealthStatus(HostHealthStatus.newBuilder().setEdsHealthStatus(health).setFailedOutlierCheck(ejected))
                .build();
    }
}
