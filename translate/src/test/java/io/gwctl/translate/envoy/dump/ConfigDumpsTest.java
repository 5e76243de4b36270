package io.gwctl.translate.envoy.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Envoy's admin {@code /config_dump} shape (envoy/admin/v3/config_dump.proto), both ways. */
class ConfigDumpsTest {

    private static EnvoySnapshot snapshot() {
        Listener listener = Listener.newBuilder().setName("0.0.0.0_8080")
                .setAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder()
                        .setAddress("0.0.0.0").setPortValue(8080)))
                .addFilterChains(FilterChain.newBuilder().addFilters(Filter.newBuilder()
                        .setName("envoy.filters.network.http_connection_manager")
                        .setTypedConfig(Any.pack(HttpConnectionManager.newBuilder().setStatPrefix("outbound_0.0.0.0_8080")
                                .setRds(Rds.newBuilder().setRouteConfigName("http.8080")).build()))))
                .build();
        RouteConfiguration routes = RouteConfiguration.newBuilder().setName("http.8080")
                .addVirtualHosts(VirtualHost.newBuilder().setName("httpbin.example.com:80").addDomains("httpbin.example.com")
                        .addRoutes(Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/status"))
                                .setRoute(RouteAction.newBuilder().setCluster("outbound|8000||httpbin.default.svc.cluster.local"))))
                .build();
        Cluster cluster = Cluster.newBuilder().setName("outbound|8000||httpbin.default.svc.cluster.local").build();
        ClusterLoadAssignment endpoints = ClusterLoadAssignment.newBuilder()
                .setClusterName("outbound|8000||httpbin.default.svc.cluster.local").build();
        Secret secret = Secret.newBuilder().setName("kubernetes://httpbin-cert")
                .setTlsCertificate(TlsCertificate.newBuilder()
                        .setCertificateChain(DataSource.newBuilder().setInlineString("-----BEGIN CERTIFICATE-----"))
                        .setPrivateKey(DataSource.newBuilder().setInlineString("-----BEGIN PRIVATE KEY-----")))
                .build();
        return new EnvoySnapshot(List.of(listener), List.of(routes), List.of(cluster), List.of(endpoints), List.of(secret));
    }

    @Test
    void aSnapshotSurvivesItsOwnConfigDump() throws IOException {
        EnvoySnapshot original = snapshot();
        String json = EnvoyJson.print(ConfigDumps.toConfigDump(original, false));
        assertThat(json).contains("\"@type\": \"type.googleapis.com/envoy.admin.v3.ListenersConfigDump\"")
                .contains("\"@type\": \"type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager\"");
        assertThat(ConfigDumps.fromJson(json)).isEqualTo(original);
    }

    @Test
    void privateKeysAreRedacted() {
        String json = EnvoyJson.print(ConfigDumps.toConfigDump(snapshot(), true));
        assertThat(json).contains("[redacted]").contains("BEGIN CERTIFICATE").doesNotContain("BEGIN PRIVATE KEY");
    }

    @Test
    void extensionTypesGwctlDoesNotKnowAreKeptAsStructs() throws IOException {
        String json = EnvoyJson.print(ConfigDumps.toConfigDump(snapshot(), false)).replace(
                "\"@type\": \"type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager\"",
                "\"@type\": \"type.googleapis.com/istio.envoy.config.filter.network.metadata_exchange.config.MetadataExchange\"");
        EnvoySnapshot read = ConfigDumps.fromJson(json);
        assertThat(read.listeners()).singleElement().satisfies(l -> assertThat(
                l.getFilterChains(0).getFilters(0).getTypedConfig().getTypeUrl()).isEqualTo("type.googleapis.com/google.protobuf.Struct"));
        assertThat(read.routes()).hasSize(1);
    }

    @Test
    void somethingElseIsNotADump() {
        assertThatThrownBy(() -> ConfigDumps.fromJson("{\"kind\": \"Gateway\"}"))
                .isInstanceOf(IOException.class).hasMessage("not an Envoy config dump: no \"configs\" array at the top level");
    }
}
