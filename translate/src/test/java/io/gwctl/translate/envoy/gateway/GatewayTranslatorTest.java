package io.gwctl.translate.envoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.gwctl.translate.envoy.GatewayOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Gateway translation as pilot does it: {@code model.mergeGateways} / {@code resolvePorts}
 * ({@code pilot/pkg/model/gateway.go}), {@code buildGatewayListeners} and {@code buildGatewayHTTPRouteConfig}
 * ({@code pilot/pkg/networking/core/gateway.go}), {@code resolveGatewayName} ({@code pilot/pkg/model/config.go})
 * and {@code host.Names.Intersection}.
 */
class GatewayTranslatorTest {

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: gw, namespace: istio-system, labels: {istio: ingressgateway}}
            status: {podIP: 10.0.0.1}
            ---
            """;

    static String gateway(String name, String ns, String servers) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: %s, namespace: %s}
                spec:
                  selector: {istio: ingressgateway}
                  servers:
                %s---
                """.formatted(name, ns, servers.indent(2));
    }

    static final String HTTP80 = """
            - port: {number: 80, name: http, protocol: HTTP}
              hosts: ["*.example.com"]
            """;

    static String vs(String name, String ns, String hosts, String gateways, String http) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: %s, namespace: %s}
                spec:
                  hosts: %s
                  gateways: %s
                  http:
                %s---
                """.formatted(name, ns, hosts, gateways, http.indent(2));
    }

    static final String TO_A = """
            - route: [{destination: {host: a, port: {number: 80}}}]
            """;

    static GatewayConfig run(String yaml) {
        return GatewayTesting.translate(POD + yaml, GatewayOptions.ingress());
    }

    static RouteConfiguration route(GatewayConfig c, String name) {
        return c.route(name).orElseThrow(() -> new AssertionError("no route config " + name));
    }

    static List<String> vhostNames(RouteConfiguration rc) {
        return rc.getVirtualHostsList().stream().map(VirtualHost::getName).toList();
    }

    /** A Gateway whose selector the workload labels do not satisfy is not served; one named explicitly is. */
    @Test
    void selectsGatewaysBySelectorOrName() {
        String yaml = gateway("gw", "default", HTTP80) + """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: egress, namespace: default}
                spec:
                  selector: {istio: egressgateway}
                  servers:
                  - port: {number: 81, name: http, protocol: HTTP}
                    hosts: ["*"]
                """;
        assertThat(run(yaml).listeners()).extracting(Listener::getName).containsExactly("0.0.0.0_80");
        GatewayConfig named = GatewayTesting.translate(POD + yaml,
                new GatewayOptions(Map.of(), Optional.of("default/egress"), "cluster.local"));
        assertThat(named.listeners()).extracting(Listener::getName).containsExactly("0.0.0.0_81");
    }

    /**
     * A Kubernetes Service of the workload's namespace selecting it translates server port 80 to its target
     * port 8080; the virtual host keeps the server port. A Service elsewhere does not.
     */
    @Test
    void translatesPortsThroughTheWorkloadService() {
        String svc = """
                apiVersion: v1
                kind: Service
                metadata: {name: istio-ingressgateway, namespace: %s}
                spec:
                  selector: {istio: ingressgateway}
                  ports: [{name: http2, port: 80, targetPort: 8080}]
                ---
                """;
        String yaml = svc.formatted("istio-system") + gateway("gw", "default", HTTP80)
                + vs("a", "default", "[a.example.com]", "[gw]", TO_A);
        GatewayConfig c = run(yaml);
        assertThat(c.listeners()).extracting(Listener::getName).containsExactly("0.0.0.0_8080");
        assertThat(vhostNames(route(c, "http.8080"))).containsExactly("a.example.com:80");

        GatewayConfig other = run(svc.formatted("other") + gateway("gw", "default", HTTP80));
        assertThat(other.listeners()).extracting(Listener::getName).containsExactly("0.0.0.0_80");
    }

    /**
     * A terminating HTTPS server gets its own chain: SNI names, ALPN h2/http1.1, the certificate from SDS
     * {@code kubernetes://<credentialName>} (and the CA for MUTUAL, with a client certificate required), and its
     * own route configuration {@code https.<port>.<portName>.<gateway>.<namespace>}.
     */
    @Test
    void terminatesHttps() throws Exception {
        String servers = """
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: ["a.example.com"]
                  tls: {mode: SIMPLE, credentialName: a-cert}
                - port: {number: 443, name: https-b, protocol: HTTPS}
                  hosts: ["b.example.com"]
                  tls: {mode: MUTUAL, credentialName: b-cert}
                """;
        GatewayConfig c = run(gateway("gw", "default", servers)
                + vs("a", "default", "[a.example.com, b.example.com]", "[default/gw]", TO_A));
        Listener l = c.listener("0.0.0.0_443").orElseThrow();
        assertThat(l.getFilterChainsList()).hasSize(2);
        FilterChain a = l.getFilterChains(0);
        assertThat(a.getFilterChainMatch().getServerNamesList()).containsExactly("a.example.com");
        DownstreamTlsContext tlsA = a.getTransportSocket().getTypedConfig().unpack(DownstreamTlsContext.class);
        assertThat(tlsA.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2", "http/1.1");
        assertThat(tlsA.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName())
                .isEqualTo("kubernetes://a-cert");
        assertThat(tlsA.getRequireClientCertificate().getValue()).isFalse();
        assertThat(a.getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class).getRds().getRouteConfigName())
                .isEqualTo("https.443.https.gw.default");
        DownstreamTlsContext tlsB = l.getFilterChains(1).getTransportSocket().getTypedConfig()
                .unpack(DownstreamTlsContext.class);
        assertThat(tlsB.getRequireClientCertificate().getValue()).isTrue();
        assertThat(c.secrets()).containsExactly("kubernetes://a-cert", "kubernetes://b-cert", "kubernetes://b-cert-cacert");
        assertThat(vhostNames(route(c, "https.443.https-b.gw.default"))).containsExactly("b.example.com:443");
    }

    /** A PASSTHROUGH server proxies the SNI names of the bound {@code tls} routes to their destination. */
    @Test
    void passesTlsThroughBySni() throws Exception {
        String servers = """
                - port: {number: 443, name: tls, protocol: TLS}
                  hosts: ["*.example.com"]
                  tls: {mode: PASSTHROUGH}
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: p, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  tls:
                  - match: [{sniHosts: [a.example.com]}]
                    route: [{destination: {host: a}}]
                """;
        Listener l = run(gateway("gw", "default", servers) + vs).listener("0.0.0.0_443").orElseThrow();
        FilterChain chain = l.getFilterChains(0);
        assertThat(chain.getFilterChainMatch().getServerNamesList()).containsExactly("a.example.com");
        assertThat(chain.getFilters(0).getName()).isEqualTo("envoy.filters.network.tcp_proxy");
        assertThat(chain.getFilters(0).getTypedConfig().unpack(TcpProxy.class).getCluster())
                .isEqualTo("outbound|443||a.default.svc.cluster.local");
        assertThat(l.getListenerFiltersList()).extracting(f -> f.getName())
                .containsExactly("envoy.filters.listener.tls_inspector");
    }

    /** A tls block without a mode is PASSTHROUGH, the enum's zero value, even with a credential (pilot ignores it). */
    @Test
    void tlsWithoutModePassesThrough() throws Exception {
        String servers = """
                - port: {number: 443, name: https, protocol: HTTPS}
                  hosts: ["a.example.com"]
                  tls: {credentialName: a-cert}
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: p, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  tls:
                  - match: [{sniHosts: [a.example.com]}]
                    route: [{destination: {host: a}}]
                """;
        FilterChain chain = run(gateway("gw", "default", servers) + vs).listener("0.0.0.0_443").orElseThrow()
                .getFilterChains(0);
        assertThat(chain.hasTransportSocket()).as("no TLS context: the bytes pass through").isFalse();
        assertThat(chain.getFilters(0).getName()).isEqualTo("envoy.filters.network.tcp_proxy");
    }

    /**
     * A terminating TLS server proxies its first applying {@code tcp} route behind its own SNI names, sorted;
     * {@code tls} routes give it no chain unless the VirtualService was made from a TLSRoute.
     */
    @Test
    void terminatingTlsServerUsesTcpRoutesOnly() throws Exception {
        String servers = """
                - port: {number: 443, name: tls, protocol: TLS}
                  hosts: ["b.example.com", "a.example.com"]
                  tls: {mode: SIMPLE, credentialName: cert}
                """;
        String tlsOnly = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: p, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  tls:
                  - match: [{sniHosts: [a.example.com]}]
                    route: [{destination: {host: a}}]
                """;
        assertThat(run(gateway("gw", "default", servers) + tlsOnly).listener("0.0.0.0_443"))
                .as("pilot: listener missed network filter").isEmpty();

        String tcp = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: t, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  tcp:
                  - route: [{destination: {host: b, port: {number: 7000}}}]
                """;
        FilterChain chain = run(gateway("gw", "default", servers) + tlsOnly + "---\n" + tcp).listener("0.0.0.0_443")
                .orElseThrow().getFilterChains(0);
        assertThat(chain.getFilterChainMatch().getServerNamesList()).containsExactly("a.example.com", "b.example.com");
        assertThat(chain.getFilters(0).getTypedConfig().unpack(TcpProxy.class).getCluster())
                .isEqualTo("outbound|7000||b.default.svc.cluster.local");
        DownstreamTlsContext tls = chain.getTransportSocket().getTypedConfig().unpack(DownstreamTlsContext.class);
        assertThat(tls.getCommonTlsContext().getAlpnProtocolsList())
                .as("pilot offers HTTP ALPN on TLS servers too").containsExactly("h2", "http/1.1");
        assertThat(tls.getRequireClientCertificate().getValue()).isFalse();
    }

    /**
     * VirtualServices bind by {@code ns/name}, {@code ./name}, a short name, or the legacy {@code name.ns};
     * {@code mesh} and other namespaces' short names do not bind.
     */
    @Test
    void bindsVirtualServicesByGatewayReference() {
        String yaml = gateway("gw", "default", HTTP80)
                + vs("full", "other", "[full.example.com]", "[default/gw]", TO_A)
                + vs("dot", "default", "[dot.example.com]", "[./gw]", TO_A)
                + vs("short", "default", "[short.example.com]", "[gw]", TO_A)
                + vs("legacy", "other", "[legacy.example.com]", "[gw.default]", TO_A)
                + vs("mesh", "default", "[mesh.example.com]", "[mesh]", TO_A)
                + vs("elsewhere", "other", "[elsewhere.example.com]", "[gw]", TO_A);
        assertThat(vhostNames(route(run(yaml), "http.80"))).containsExactly(
                "dot.example.com:80", "full.example.com:80", "legacy.example.com:80", "short.example.com:80");
    }

    /**
     * Server and VirtualService hosts intersect keeping the more specific side; a server host scoped to a
     * namespace ({@code ns/host}, {@code ./host}) serves only VirtualServices of that namespace.
     */
    @Test
    void intersectsHosts() {
        String servers = """
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["a.example.com", "team/*.team.com", "./*.local.com"]
                """;
        String yaml = gateway("gw", "default", servers)
                + vs("wide", "default", "[\"*.example.com\", \"x.team.com\", \"y.local.com\"]", "[default/gw]", TO_A)
                + vs("team", "team", "[\"*.team.com\"]", "[default/gw]", TO_A);
        assertThat(vhostNames(route(run(yaml), "http.80")))
                .containsExactly("*.team.com:80", "a.example.com:80", "y.local.com:80");
    }

    /**
     * Several VirtualServices on one host append their routes in order with catch-alls moved last; a
     * VirtualService's routes stop after its first catch-all; matches for another gateway or port are skipped;
     * each route carries the VirtualService's config path.
     */
    @Test
    void mergesRoutesOfOneHost() {
        String first = """
                - match: [{uri: {prefix: /}}]
                  route: [{destination: {host: first}}]
                - match: [{uri: {prefix: /never}}]
                  route: [{destination: {host: never}}]
                """;
        String second = """
                - match: [{uri: {prefix: /other}, gateways: [default/other]}]
                  route: [{destination: {host: othergw}}]
                - match: [{uri: {prefix: /port}, port: 8080}]
                  route: [{destination: {host: otherport}}]
                - match: [{uri: {prefix: /b}}]
                  route: [{destination: {host: b}}]
                """;
        GatewayConfig c = run(gateway("gw", "default", HTTP80)
                + vs("first", "default", "[a.example.com]", "[gw]", first)
                + vs("second", "default", "[a.example.com]", "[gw]", second));
        VirtualHost vh = route(c, "http.80").getVirtualHosts(0);
        assertThat(vh.getRoutesList()).extracting(r -> r.getRoute().getCluster())
                .containsExactly("outbound|80||b.default.svc.cluster.local", "outbound|80||first.default.svc.cluster.local");
        assertThat(vh.getRoutesList()).extracting(Route::getMetadata)
                .extracting(m -> m.getFilterMetadataOrThrow("istio").getFieldsOrThrow("config").getStringValue())
                .containsExactly("/apis/networking.istio.io/v1/namespaces/default/virtual-service/second",
                        "/apis/networking.istio.io/v1/namespaces/default/virtual-service/first");
        assertThat(route(c, "http.80").getIgnorePortInHostMatching()).isTrue();
    }

    /** Nothing bound gives {@code blackhole:<port>}; {@code httpsRedirect} requires TLS on every host. */
    @Test
    void blackholeAndRedirect() {
        RouteConfiguration empty = route(run(gateway("gw", "default", HTTP80)), "http.80");
        assertThat(empty.getVirtualHostsList()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("blackhole:80");
            assertThat(v.getDomainsList()).containsExactly("*");
            assertThat(v.getRoutesList()).isEmpty();
        });
        String redirect = """
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["a.example.com", "b.example.com"]
                  tls: {httpsRedirect: true}
                """;
        RouteConfiguration rc = route(run(gateway("gw", "default", redirect)
                + vs("a", "default", "[a.example.com]", "[gw]", TO_A)), "http.80");
        assertThat(rc.getVirtualHostsList()).extracting(VirtualHost::getName, VirtualHost::getRequireTls).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.example.com:80", VirtualHost.TlsRequirementType.ALL),
                org.assertj.core.groups.Tuple.tuple("b.example.com:80", VirtualHost.TlsRequirementType.ALL));
        assertThat(rc.getVirtualHosts(0).getRoutesCount()).isEqualTo(1);
        assertThat(rc.getVirtualHosts(1).getRoutesCount()).isZero();
    }

    /**
     * On one port the oldest Gateway's family wins: an HTTP server after a TCP one is dropped, and a TCP
     * server nothing routes builds no chain, so no listener.
     */
    @Test
    void dropsConflictingServers() {
        String tcp = """
                - port: {number: 80, name: tcp, protocol: TCP}
                  hosts: ["*"]
                """;
        GatewayConfig c = run(gateway("alpha", "default", tcp) + gateway("beta", "default", HTTP80));
        assertThat(c.listeners()).isEmpty();
        assertThat(c.routes()).isEmpty();
    }

    /**
     * A TCP server proxies to the first bound {@code tcp} route that applies; several destinations split by
     * weight ({@code weighted_clusters}).
     */
    @Test
    void proxiesTcpByWeight() throws Exception {
        String tcp = """
                - port: {number: 9000, name: tcp, protocol: TCP}
                  hosts: ["*"]
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: t, namespace: default}
                spec:
                  hosts: ["*"]
                  gateways: [gw]
                  tcp:
                  - match: [{port: 9001}]
                    route: [{destination: {host: never, port: {number: 1}}}]
                  - route:
                    - {destination: {host: a, port: {number: 7000}}, weight: 80}
                    - {destination: {host: b, port: {number: 7000}}, weight: 20}
                """;
        Listener l = run(gateway("gw", "default", tcp) + vs).listener("0.0.0.0_9000").orElseThrow();
        TcpProxy proxy = l.getFilterChains(0).getFilters(0).getTypedConfig().unpack(TcpProxy.class);
        assertThat(proxy.getWeightedClusters().getClustersList())
                .extracting(w -> w.getName(), w -> w.getWeight()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("outbound|7000||a.default.svc.cluster.local", 80),
                        org.assertj.core.groups.Tuple.tuple("outbound|7000||b.default.svc.cluster.local", 20));
    }

    /**
     * A later TLS-family server repeating a host of the same scope on a port is skipped; an ISTIO_MUTUAL
     * server uses the mesh certificate {@code default} and root {@code ROOTCA} and requires a client certificate;
     * a terminating TLS server proxies its first {@code tcp} route behind its SNI names.
     */
    @Test
    void tlsServersOnOnePort() throws Exception {
        String servers = """
                - port: {number: 443, name: tls, protocol: TLS}
                  hosts: ["a.example.com"]
                  tls: {mode: ISTIO_MUTUAL}
                - port: {number: 443, name: tls-dup, protocol: TLS}
                  hosts: ["a.example.com"]
                  tls: {mode: SIMPLE, credentialName: dup}
                """;
        String vs = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: t, namespace: default}
                spec:
                  hosts: [a.example.com]
                  gateways: [gw]
                  tcp:
                  - route: [{destination: {host: a, port: {number: 7000}}}]
                """;
        GatewayConfig c = run(gateway("gw", "default", servers) + vs);
        Listener l = c.listener("0.0.0.0_443").orElseThrow();
        assertThat(l.getFilterChainsList()).singleElement().satisfies(chain -> {
            assertThat(chain.getFilterChainMatch().getServerNamesList()).containsExactly("a.example.com");
            DownstreamTlsContext tls = chain.getTransportSocket().getTypedConfig().unpack(DownstreamTlsContext.class);
            assertThat(tls.getRequireClientCertificate().getValue()).isTrue();
            assertThat(tls.getCommonTlsContext().getAlpnProtocolsList())
                    .as("pilot offers the peer metadata exchange on a terminated ISTIO_MUTUAL TCP server")
                    .containsExactly("istio-peer-exchange", "h2", "http/1.1");
            assertThat(chain.getFilters(0).getTypedConfig().unpack(TcpProxy.class).getCluster())
                    .isEqualTo("outbound|7000||a.default.svc.cluster.local");
        });
        assertThat(c.secrets()).containsExactly("default", "ROOTCA");
    }
}
