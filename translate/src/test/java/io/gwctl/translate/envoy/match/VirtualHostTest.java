package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.http;
import static io.gwctl.translate.envoy.match.Snapshots.listener;
import static io.gwctl.translate.envoy.match.Snapshots.prefix;
import static io.gwctl.translate.envoy.match.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Virtual host selection as Envoy's {@code RouteMatcher::findVirtualHost} ({@code source/common/router/config_impl.cc})
 * and {@code require_tls}, as in Istio's {@code pilot/pkg/simulation/traffic.go} ({@code ErrTLSRedirect}).
 */
class VirtualHostTest {

    private static final EnvoySnapshot HOSTS = http(
            host("exact", "api.example.com", "api.example.com:8080").addRoutes(prefix("r", "/", "exact")),
            host("suffix", "*.example.com").addRoutes(prefix("r", "/", "suffix")),
            host("longer-suffix", "*.eu.example.com").addRoutes(prefix("r", "/", "longer-suffix")),
            host("bare-suffix", "*ample.org").addRoutes(prefix("r", "/", "bare-suffix")),
            host("prefix", "api.*").addRoutes(prefix("r", "/", "prefix")),
            host("default", "*").addRoutes(prefix("r", "/", "default")));

    private static Trace trace(EnvoySnapshot snapshot, String host) {
        return RequestMatcher.trace(snapshot, TraceRequest.of("http", 8080, host, "/"));
    }

    /** An exact domain wins over every wildcard; hosts compare case-insensitively. */
    @Test
    void exactDomainFirst() {
        Trace trace = trace(HOSTS, "API.Example.com");
        assertThat(trace.routeConfig()).isEqualTo("http.8080");
        assertThat(trace.virtualHost()).isEqualTo("exact");
        assertThat(trace.steps()).contains(
                "virtual host exact: domain api.example.com matches host api.example.com exactly",
                "virtual host suffix: domain *.example.com matches host api.example.com as a suffix wildcard,"
                        + " but virtual host exact matches it better");
    }

    /** The host's port takes part unless ignored: {@code api.example.com:8080} is its own exact domain. */
    @Test
    void hostWithPortMatchesTheDomainWithPort() {
        assertThat(trace(HOSTS, "api.example.com:8080").virtualHost()).isEqualTo("exact");
        assertThat(trace(HOSTS, "api.example.com:9090").virtualHost()).isEqualTo("prefix");
    }

    /** With {@code ignore_port_in_host_matching} the port is stripped before matching. */
    @Test
    void ignorePortInHostMatching() {
        EnvoySnapshot snapshot = http(host("foo", "foo.bar").addRoutes(prefix("r", "/", "c")));
        assertThat(trace(snapshot, "foo.bar:8080").error()).isEqualTo(Trace.Error.NO_VIRTUAL_HOST);
        EnvoySnapshot ignoring = snapshot(snapshot.listeners(),
                snapshot.routes().get(0).toBuilder().setIgnorePortInHostMatching(true).build());
        assertThat(trace(ignoring, "foo.bar:8080").virtualHost()).isEqualTo("foo");
    }

    /**
     * The connection manager's {@code strip_matching_host_port} drops the listener's own port before
     * matching, and {@code strip_any_host_port} any port ({@code HeaderUtility::stripPortFromHost}).
     */
    @Test
    void connectionManagerStripsHostPorts() {
        EnvoySnapshot plain = http(host("foo", "foo.bar").addRoutes(prefix("r", "/", "c")));
        assertThat(trace(stripping(plain, HttpConnectionManager.Builder::setStripMatchingHostPort), "foo.bar:8080")
                .virtualHost()).isEqualTo("foo");
        assertThat(trace(stripping(plain, HttpConnectionManager.Builder::setStripMatchingHostPort), "foo.bar:9090")
                .error()).isEqualTo(Trace.Error.NO_VIRTUAL_HOST);
        Trace any = trace(stripping(plain, HttpConnectionManager.Builder::setStripAnyHostPort), "foo.bar:9090");
        assertThat(any.virtualHost()).isEqualTo("foo");
        assertThat(any.steps()).contains("http_connection_manager strips the port from host foo.bar:9090");
    }

    private static EnvoySnapshot stripping(EnvoySnapshot snapshot,
            BiFunction<HttpConnectionManager.Builder, Boolean, HttpConnectionManager.Builder> option) {
        Listener.Builder listener = snapshot.listeners().get(0).toBuilder();
        Filter.Builder filter = listener.getFilterChainsBuilder(0).getFiltersBuilder(0);
        try {
            HttpConnectionManager.Builder hcm = filter.getTypedConfig().unpack(HttpConnectionManager.class).toBuilder();
            filter.setTypedConfig(Any.pack(option.apply(hcm, true).build()));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        return snapshot(List.of(listener.build()), snapshot.routes().toArray(RouteConfiguration[]::new));
    }

    /** Suffix wildcards: the longest suffix wins, and {@code *ample.org} needs no dot. */
    @Test
    void longestSuffixWildcard() {
        assertThat(trace(HOSTS, "a.eu.example.com").virtualHost()).isEqualTo("longer-suffix");
        assertThat(trace(HOSTS, "a.us.example.com").virtualHost()).isEqualTo("suffix");
        assertThat(trace(HOSTS, "example.org").virtualHost()).isEqualTo("bare-suffix");
    }

    /** A wildcard must match at least one character: {@code *.example.com} does not take {@code .example.com}. */
    @Test
    void wildcardMatchesAtLeastOneCharacter() {
        assertThat(trace(HOSTS, "ample.org").virtualHost()).isEqualTo("default");
    }

    /** Prefix wildcards come after suffix wildcards, before {@code *}. */
    @Test
    void prefixWildcardThenDefault() {
        assertThat(trace(HOSTS, "api.other.net").virtualHost()).isEqualTo("prefix");
        assertThat(trace(HOSTS, "web.other.net").virtualHost()).isEqualTo("default");
    }

    /** No domain matches: Istio's ErrNoVirtualHost, with the step the brief shows. */
    @Test
    void noVirtualHost() {
        EnvoySnapshot snapshot = http(host("foo.bar:80", "foo.bar").addRoutes(prefix("r", "/", "c")));
        Trace trace = trace(snapshot, "baz.com");
        assertThat(trace.error()).isEqualTo(Trace.Error.NO_VIRTUAL_HOST);
        assertThat(trace.virtualHost()).isNull();
        assertThat(trace.route()).isNull();
        assertThat(trace.steps()).contains("virtual host foo.bar:80: domain foo.bar does not match host baz.com");
    }

    /** {@code require_tls: ALL} on plaintext: Envoy redirects to https (Istio's ErrTLSRedirect). */
    @Test
    void requireTlsAll() {
        EnvoySnapshot snapshot = http(host("secure", "*").setRequireTls(VirtualHost.TlsRequirementType.ALL)
                .addRoutes(prefix("r", "/", "c")));
        Trace trace = RequestMatcher.trace(snapshot, TraceRequest.of("http", 8080, "a.com:80", "/p?q"));
        assertThat(trace.error()).isEqualTo(Trace.Error.TLS_REDIRECT);
        assertThat(trace.virtualHost()).isEqualTo("secure");
        assertThat(trace.route()).isNull();
        assertThat(trace.location()).isEqualTo("https://a.com/p?q");
        assertThat(trace.status()).isEqualTo(301);
        assertThat(trace.steps()).contains("virtual host secure requires TLS (ALL): sending 301 to https://a.com/p?q");
    }

    /** {@code require_tls: EXTERNAL_ONLY} spares requests marked {@code x-envoy-internal: true}. */
    @Test
    void requireTlsExternalOnly() {
        EnvoySnapshot snapshot = http(host("secure", "*").setRequireTls(VirtualHost.TlsRequirementType.EXTERNAL_ONLY)
                .addRoutes(prefix("r", "/", "c")));
        assertThat(trace(snapshot, "a.com").error()).isEqualTo(Trace.Error.TLS_REDIRECT);
        Trace internal = RequestMatcher.trace(snapshot,
                TraceRequest.of("http", 8080, "a.com", "/").withHeader("X-Envoy-Internal", "true"));
        assertThat(internal.error()).isNull();
        assertThat(internal.cluster()).isEqualTo("c");
    }

    /** An inline {@code route_config} in the connection manager is used instead of RDS. */
    @Test
    void inlineRouteConfiguration() {
        HttpConnectionManager hcm = HttpConnectionManager.newBuilder().setStatPrefix("inline")
                .setRouteConfig(RouteConfiguration.newBuilder().setName("inline-routes")
                        .addVirtualHosts(host("all", "*").addRoutes(prefix("r", "/", "inline-cluster"))))
                .build();
        FilterChain.Builder chain = FilterChain.newBuilder().setName("inline")
                .addFilters(Filter.newBuilder().setName(RequestMatcher.HTTP_CONNECTION_MANAGER).setTypedConfig(Any.pack(hcm)));
        Trace trace = trace(snapshot(List.of(listener(8080, chain))), "a.com");
        assertThat(trace.routeConfig()).isEqualTo("inline-routes");
        assertThat(trace.cluster()).isEqualTo("inline-cluster");
    }

    /** An RDS name missing from the snapshot leaves no virtual host to choose. */
    @Test
    void missingRouteConfiguration() {
        EnvoySnapshot snapshot = snapshot(http(host("all", "*")).listeners());
        Trace trace = trace(snapshot, "a.com");
        assertThat(trace.error()).isEqualTo(Trace.Error.NO_VIRTUAL_HOST);
        assertThat(trace.routeConfig()).isEqualTo("http.8080");
        assertThat(trace.steps()).contains("http_connection_manager: route configuration http.8080 (rds) is not in the snapshot");
    }
}
