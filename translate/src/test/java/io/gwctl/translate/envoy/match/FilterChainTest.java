package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.httpChain;
import static io.gwctl.translate.envoy.match.Snapshots.listener;
import static io.gwctl.translate.envoy.match.Snapshots.prefix;
import static io.gwctl.translate.envoy.match.Snapshots.routes;
import static io.gwctl.translate.envoy.match.Snapshots.snapshot;
import static io.gwctl.translate.envoy.match.Snapshots.tcpChain;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Listener and filter chain selection: Envoy's {@code filter_chain_manager_impl.cc} sieve and the errors of
 * Istio's {@code pilot/pkg/simulation/traffic.go}.
 */
class FilterChainTest {

    private static final EnvoySnapshot HTTPS = snapshot(List.of(listener(443,
                    httpChain("exact", sni("api.example.com"), "https.443.exact", true),
                    httpChain("wide", sni("*.example.com"), "https.443.wide", true),
                    httpChain("deep", sni("*.eu.example.com"), "https.443.deep", true))),
            routes("https.443.exact", host("exact", "*").addRoutes(prefix("all", "/", "exact-cluster"))),
            routes("https.443.wide", host("wide", "*").addRoutes(prefix("all", "/", "wide-cluster"))),
            routes("https.443.deep", host("deep", "*").addRoutes(prefix("all", "/", "deep-cluster"))));

    private static FilterChainMatch.Builder sni(String... names) {
        return FilterChainMatch.newBuilder().addAllServerNames(List.of(names));
    }

    /** Listeners are chosen by the port of their address; none on the port is Istio's ErrNoListener. */
    @Test
    void noListenerOnThePort() {
        Trace trace = RequestMatcher.trace(HTTPS, TraceRequest.of("https", 8443, "api.example.com", "/"));
        assertThat(trace.error()).isEqualTo(Trace.Error.NO_LISTENER);
        assertThat(trace.listener()).isNull();
        assertThat(trace.filterChain()).isNull();
        assertThat(trace.steps()).contains("listener 0.0.0.0_443: port 443 is not 8443", "no listener on port 8443");
    }

    /** An exact server name wins over wildcards (findFilterChainForServerName). */
    @Test
    void exactServerNameWins() {
        Trace trace = RequestMatcher.trace(HTTPS, TraceRequest.of("https", 443, "api.example.com:443", "/"));
        assertThat(trace.listener()).isEqualTo("0.0.0.0_443");
        assertThat(trace.filterChain()).isEqualTo("exact");
        assertThat(trace.cluster()).isEqualTo("exact-cluster");
        assertThat(trace.steps()).contains("filter chain wide: server_names matches less specifically than another chain");
    }

    /** Among wildcards the longest suffix wins: {@code *.eu.example.com} before {@code *.example.com}. */
    @Test
    void mostSpecificWildcardServerNameWins() {
        assertThat(RequestMatcher.trace(HTTPS, TraceRequest.of("https", 443, "a.eu.example.com", "/")).filterChain())
                .isEqualTo("deep");
        assertThat(RequestMatcher.trace(HTTPS, TraceRequest.of("https", 443, "a.us.example.com", "/")).filterChain())
                .isEqualTo("wide");
    }

    /** No chain matches and there is no default chain: ErrNoFilterChain. */
    @Test
    void noFilterChain() {
        Trace trace = RequestMatcher.trace(HTTPS, TraceRequest.of("https", 443, "other.org", "/"));
        assertThat(trace.error()).isEqualTo(Trace.Error.NO_FILTER_CHAIN);
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.ERROR);
        assertThat(trace.listener()).isEqualTo("0.0.0.0_443");
        assertThat(trace.steps()).contains("filter chain exact: server_names does not match",
                "no filter chain matches and the listener has no default filter chain");
    }

    /** The SNI given explicitly overrides the host's name. */
    @Test
    void explicitSniSelectsTheChain() {
        Trace trace = RequestMatcher.trace(HTTPS,
                TraceRequest.of("https", 443, "other.org", "/").withSni("api.example.com"));
        assertThat(trace.filterChain()).isEqualTo("exact");
    }

    /** The default chain takes what no chain matches. */
    @Test
    void defaultFilterChain() {
        Listener listener = listener(443, httpChain("exact", sni("api.example.com"), "r", true)).toBuilder()
                .setDefaultFilterChain(tcpChain("fallback", FilterChainMatch.newBuilder(), "blackhole")).build();
        Trace trace = RequestMatcher.trace(snapshot(List.of(listener)), TraceRequest.of("https", 443, "x.org", "/"));
        assertThat(trace.filterChain()).isEqualTo("fallback");
        assertThat(trace.cluster()).isEqualTo("blackhole");
        assertThat(trace.steps()).contains("no filter chain matches: using the default filter chain");
    }

    /** {@code transport_protocol}: tls for TLS connections (tls_inspector), raw_buffer for plaintext. */
    @Test
    void transportProtocol() {
        EnvoySnapshot snapshot = snapshot(List.of(listener(8443,
                tcpChain("tls", FilterChainMatch.newBuilder().setTransportProtocol("tls"), "tls-cluster"),
                tcpChain("raw", FilterChainMatch.newBuilder().setTransportProtocol("raw_buffer"), "raw-cluster"))));
        assertThat(RequestMatcher.trace(snapshot, TraceRequest.of("https", 8443, "a.com", "/")).cluster())
                .isEqualTo("tls-cluster");
        assertThat(RequestMatcher.trace(snapshot, TraceRequest.of("tcp", 8443, null, null)).cluster())
                .isEqualTo("raw-cluster");
    }

    /** {@code application_protocols}: a TLS client offering h2 and http/1.1 matches a chain for h2. */
    @Test
    void applicationProtocols() {
        EnvoySnapshot snapshot = snapshot(List.of(listener(8443,
                tcpChain("h2", FilterChainMatch.newBuilder().addApplicationProtocols("h2"), "h2-cluster"),
                tcpChain("other", FilterChainMatch.newBuilder().addApplicationProtocols("istio-peer-exchange"),
                        "other-cluster"))));
        Trace trace = RequestMatcher.trace(snapshot, TraceRequest.of("https", 8443, "a.com", "/"));
        assertThat(trace.cluster()).isEqualTo("h2-cluster");
        assertThat(trace.steps()).contains("filter chain other: application_protocols does not match");
    }

    /** A chain naming the destination port beats one that does not name it. */
    @Test
    void destinationPort() {
        EnvoySnapshot snapshot = snapshot(List.of(listener(9000,
                tcpChain("any", FilterChainMatch.newBuilder(), "any-cluster"),
                tcpChain("port", FilterChainMatch.newBuilder().setDestinationPort(UInt32Value.of(9000)),
                        "port-cluster"))));
        Trace trace = RequestMatcher.trace(snapshot, TraceRequest.of("tcp", 9000, null, null));
        assertThat(trace.cluster()).isEqualTo("port-cluster");
        assertThat(trace.steps())
                .contains("filter chain any: destination_port is unset while other chains match it more specifically");
    }

    /** Two chains with the same match: Istio's ErrMultipleFilterChain. */
    @Test
    void multipleFilterChains() {
        EnvoySnapshot snapshot = snapshot(List.of(listener(9000,
                tcpChain("a", FilterChainMatch.newBuilder(), "a"), tcpChain("b", FilterChainMatch.newBuilder(), "b"))));
        Trace trace = RequestMatcher.trace(snapshot, TraceRequest.of("tcp", 9000, null, null));
        assertThat(trace.error()).isEqualTo(Trace.Error.MULTIPLE_FILTER_CHAINS);
        assertThat(trace.filterChain()).isNull();
    }

    /** Plaintext to a chain that terminates TLS: Istio's ErrTLSError. */
    @Test
    void plaintextToTlsChain() {
        EnvoySnapshot snapshot = snapshot(List.of(listener(443, httpChain("tls", FilterChainMatch.newBuilder(),
                "r", true))));
        Trace trace = RequestMatcher.trace(snapshot, TraceRequest.of("http", 443, "a.com", "/"));
        assertThat(trace.error()).isEqualTo(Trace.Error.TLS_ERROR);
        assertThat(trace.filterChain()).isEqualTo("tls");
        assertThat(trace.routeConfig()).isNull();
        assertThat(trace.steps()).contains("filter chain tls terminates TLS but the request is plaintext: invalid TLS");
    }

    /** TLS or raw TCP into an HTTP connection manager that does not terminate TLS: Istio's ErrProtocolError. */
    @Test
    void tlsOrTcpToPlainHttpChain() {
        EnvoySnapshot snapshot = Snapshots.http(host("all", "*").addRoutes(prefix("all", "/", "c")));
        Trace tls = RequestMatcher.trace(snapshot, TraceRequest.of("https", 8080, "a.com", "/"));
        assertThat(tls.error()).isEqualTo(Trace.Error.PROTOCOL_ERROR);
        assertThat(tls.filterChain()).isEqualTo("http");
        Trace tcp = RequestMatcher.trace(snapshot, TraceRequest.of("tcp", 8080, null, null));
        assertThat(tcp.error()).isEqualTo(Trace.Error.PROTOCOL_ERROR);
    }

    /** TLS passthrough: a tcp_proxy chain forwards the TLS connection to its weighted clusters. */
    @Test
    void tcpProxyWeightedClusters() {
        TcpProxy proxy = TcpProxy.newBuilder().setStatPrefix("p")
                .setWeightedClusters(TcpProxy.WeightedCluster.newBuilder()
                        .addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder().setName("v1").setWeight(90))
                        .addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder().setName("v2").setWeight(10)))
                .build();
        FilterChain.Builder chain = tcpChain("passthrough", sni("db.example.com"), "unused");
        chain.getFiltersBuilder(0).setTypedConfig(Any.pack(proxy));
        Trace trace = RequestMatcher.trace(snapshot(List.of(listener(443, chain))),
                TraceRequest.of("https", 443, "db.example.com", "/"));
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.CLUSTER);
        assertThat(trace.clusters()).containsExactly(new Trace.WeightedCluster("v1", 90),
                new Trace.WeightedCluster("v2", 10));
        assertThat(trace.cluster()).isNull();
        assertThat(trace.routeConfig()).isNull();
        assertThat(trace.steps()).contains("tcp_proxy forwards to cluster v1 (weight 90): cluster is not in the snapshot, Envoy answers 503");
    }
}
