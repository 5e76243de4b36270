package io.gwctl.translate.envoy.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The domain index Envoy's {@code RouteMatcher::findVirtualHost} uses (envoyproxy/envoy
 * source/common/router/config_impl.cc), and compiled routes.
 */
class RouteTableTest {

    private static VirtualHost vh(String name, String... domains) {
        return VirtualHost.newBuilder().setName(name).addAllDomains(java.util.List.of(domains)).build();
    }

    private static final RouteTable TABLE = RouteTable.compile(RouteConfiguration.newBuilder().setName("http.80")
            .addVirtualHosts(vh("catch-all", "*"))
            .addVirtualHosts(vh("prefix", "api.*"))
            .addVirtualHosts(vh("short-suffix", "*.com"))
            .addVirtualHosts(vh("long-suffix", "*.example.com"))
            .addVirtualHosts(vh("bare-suffix", "*foo.org"))
            .addVirtualHosts(vh("exact", "www.example.com", "www.example.com:8080"))
            .build());

    static Stream<Arguments> hosts() {
        return Stream.of(
                Arguments.of("www.example.com", "exact"),
                Arguments.of("WWW.Example.COM", "exact"),
                Arguments.of("www.example.com:8080", "exact"),
                Arguments.of("shop.example.com", "long-suffix"),
                Arguments.of("shop.other.com", "short-suffix"),
                Arguments.of("api.example.com", "long-suffix"),
                Arguments.of("api.internal", "prefix"),
                Arguments.of("barfoo.org", "bare-suffix"),
                Arguments.of("foo.org", "catch-all"),
                Arguments.of(".example.com", "short-suffix"),
                Arguments.of("www.example.com:9090", "catch-all"),
                Arguments.of("127.0.0.1", "catch-all"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("hosts")
    void exactThenLongestSuffixThenLongestPrefixThenCatchAll(String host, String expected) {
        assertThat(TABLE.virtualHost(host).proto().getName()).isEqualTo(expected);
    }

    @Test
    void aWildcardStandsForAtLeastOneCharacter() {
        RouteTable table = RouteTable.compile(RouteConfiguration.newBuilder()
                .addVirtualHosts(vh("suffix", "*.example.com")).build());
        assertThat(table.virtualHost(".example.com")).isNull();
        assertThat(table.virtualHost("a.example.com").proto().getName()).isEqualTo("suffix");
    }

    @Test
    void thePortIsIgnoredWhenTheConfigSaysSo() {
        RouteTable table = RouteTable.compile(RouteConfiguration.newBuilder().setIgnorePortInHostMatching(true)
                .addVirtualHosts(vh("exact", "httpbin.example.com")).build());
        assertThat(table.virtualHost("httpbin.example.com:8080").proto().getName()).isEqualTo("exact");
        assertThat(RouteTable.compile(table.config().toBuilder().setIgnorePortInHostMatching(false).build())
                .virtualHost("httpbin.example.com:8080")).isNull();
    }

    @Test
    void tenThousandVirtualHostsEachFindTheirOwn() {
        RouteConfiguration.Builder config = RouteConfiguration.newBuilder();
        for (int i = 0; i < 10_000; i++) {
            config.addVirtualHosts(vh("vh" + i, "host" + i + ".example.com", "*.wild" + i + ".example.com"));
        }
        RouteTable table = RouteTable.compile(config.build());
        for (int i = 0; i < 10_000; i += 997) {
            assertThat(table.virtualHost("host" + i + ".example.com").index()).isEqualTo(i);
            assertThat(table.virtualHost("a.wild" + i + ".example.com").index()).isEqualTo(i);
        }
        assertThat(table.virtualHost("nowhere.example.com")).isNull();
    }

    @Test
    void anInvalidRegexMatchesNothingAndDoesNotThrow() {
        Route route = Route.newBuilder().setMatch(RouteMatch.newBuilder()
                .setSafeRegex(RegexMatcher.newBuilder().setRegex("(unclosed"))).build();
        RouteTable table = RouteTable.compile(RouteConfiguration.newBuilder()
                .addVirtualHosts(vh("v", "*").toBuilder().addRoutes(route)).build());
        CompiledVirtualHost vh = table.virtualHost("x");
        TraceRequest request = TraceRequest.of("http", 80, "x", "/(unclosed");
        assertThat(vh.route(request)).isNull();
        assertThat(vh.routes().get(0).mismatch(request)).isEqualTo("regex (unclosed does not match /(unclosed");
    }

    @Test
    void headersComeBeforeThePathAndSayWhyTheyFail() {
        Route route = Route.newBuilder().setMatch(RouteMatch.newBuilder().setPrefix("/api")
                .setCaseSensitive(BoolValue.of(false))
                .addHeaders(HeaderMatcher.newBuilder().setName("X-Version").setExactMatch("v2"))).build();
        CompiledRoute compiled = RouteTable.compile(RouteConfiguration.newBuilder()
                .addVirtualHosts(vh("v", "*").toBuilder().addRoutes(route)).build()).virtualHost("x").routes().get(0);
        TraceRequest v1 = new TraceRequest("http", 80, null, "x", "/API/items", null, Map.of("x-version",
                java.util.List.of("v1")));
        assertThat(compiled.mismatch(v1)).isEqualTo("header X-Version exact v2 does not match v1");
        assertThat(compiled.matches(v1.withHeader("x-version", "ignored").withMethod("GET"))).isFalse();
        TraceRequest v2 = new TraceRequest("http", 80, null, "x", "/API/items", null, Map.of("X-Version",
                java.util.List.of("v2")));
        assertThat(compiled.matches(v2)).as("prefix compared ignoring case").isTrue();
    }
}
