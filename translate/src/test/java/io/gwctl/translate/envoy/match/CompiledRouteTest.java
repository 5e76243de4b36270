package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.route;
import static io.gwctl.translate.envoy.match.Snapshots.routes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compiled route and virtual host as the data plane uses them, through a minimal {@link HttpRequestView}
 * like the one it adapts its requests to.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CompiledRouteTest {

    /** A request as the data plane would present it: headers by lower-case name. */
    private record Request(String host, String path, String method, boolean tls, Map<String, List<String>> headers)
            implements HttpRequestView {

        static Request get(String path) {
            return new Request("a.com", path, "GET", false, Map.of());
        }

        Request with(String name, String value) {
            return new Request(host, path, method, tls, Map.of(name, List.of(value)));
        }

        @Override
        public List<String> header(String lowerCaseName) {
            return headers.getOrDefault(lowerCaseName, List.of());
        }
    }

    private static RegexMatcher regex(String regex) {
        return RegexMatcher.newBuilder().setRegex(regex).build();
    }

    private static CompiledRoute compile(RouteMatch.Builder match) {
        return RouteTable.compile(routes("r", host("all", "*").addRoutes(route("r", match, "c"))))
                .virtualHost("a.com").routes().get(0);
    }

    /** An invalid RE2 regex compiles to a matcher that matches nothing, wherever it appears. */
    @Test
    void invalidRegexNeverMatches() {
        List<RouteMatch.Builder> matches = List.of(
                RouteMatch.newBuilder().setSafeRegex(regex("/a(")),
                RouteMatch.newBuilder().setPrefix("/").addHeaders(HeaderMatcher.newBuilder().setName("x")
                        .setSafeRegexMatch(regex("[z-a]"))),
                RouteMatch.newBuilder().setPrefix("/").addHeaders(HeaderMatcher.newBuilder().setName("x")
                        .setStringMatch(StringMatcher.newBuilder().setSafeRegex(regex("(?P<")))),
                RouteMatch.newBuilder().setPrefix("/").addQueryParameters(QueryParameterMatcher.newBuilder()
                        .setName("x").setStringMatch(StringMatcher.newBuilder().setSafeRegex(regex("*")))));
        for (RouteMatch.Builder match : matches) {
            assertThatCode(() -> compile(match)).doesNotThrowAnyException();
            CompiledRoute route = compile(match);
            Request request = Request.get("/a(?x=*").with("x", "[z-a]");
            assertThat(route.matches(request)).as(match.toString()).isFalse();
            assertThat(route.mismatch(request)).as(match.toString()).isNotNull();
        }
    }

    /** A route asking for gRPC takes only {@code application/grpc} and {@code application/grpc+...}. */
    @ParameterizedTest(name = "content-type {0}: {1}")
    @CsvSource({
            "application/grpc, true",
            "application/grpc+proto, true",
            "application/grpc-web, false",
            "application/json, false",
    })
    void grpcMatch(String contentType, boolean matches) {
        CompiledRoute route = compile(RouteMatch.newBuilder().setPrefix("/")
                .setGrpc(RouteMatch.GrpcRouteMatchOptions.getDefaultInstance()));
        assertThat(route.matches(Request.get("/pkg.Svc/Call").with("content-type", contentType))).isEqualTo(matches);
        assertThat(route.mismatch(Request.get("/"))).isEqualTo("grpc: content-type (absent) is not application/grpc");
    }

    /** Header names are compared lower-cased, whatever case the config gives them. */
    @Test
    void headerNamesAreLowerCasedOnce() {
        CompiledRoute route = compile(RouteMatch.newBuilder().setPrefix("/")
                .addHeaders(HeaderMatcher.newBuilder().setName("X-Tenant").setExactMatch("a")));
        assertThat(route.matches(Request.get("/").with("x-tenant", "a"))).isTrue();
        assertThat(route.mismatch(Request.get("/"))).isEqualTo("header X-Tenant exact a does not match (absent)");
    }

    /** {@code require_tls} redirects only plaintext requests, and {@code EXTERNAL_ONLY} spares internal ones. */
    @ParameterizedTest(name = "{0}, tls {1}, internal {2}: {3}")
    @CsvSource({
            "ALL, false, false, true",
            "ALL, true, false, false",
            "ALL, false, true, true",
            "EXTERNAL_ONLY, false, false, true",
            "EXTERNAL_ONLY, false, true, false",
            "EXTERNAL_ONLY, true, false, false",
            "NONE, false, false, false",
    })
    void requiresTls(VirtualHost.TlsRequirementType requirement, boolean tls, boolean internal, boolean redirects) {
        CompiledVirtualHost vh = RouteTable.compile(routes("r", host("all", "*").setRequireTls(requirement)))
                .virtualHost("a.com");
        Map<String, List<String>> headers = internal ? Map.of("x-envoy-internal", List.of("true")) : Map.of();
        assertThat(vh.requiresTls(new Request("a.com", "/", "GET", tls, headers))).isEqualTo(redirects);
    }

    /** One table serves many threads at once and answers each as it answers one. */
    @Test
    void sharedBetweenThreads() throws Exception {
        RouteTable table = RouteTable.compile(routes("r", host("all", "*")
                .addRoutes(route("users", RouteMatch.newBuilder().setSafeRegex(regex("/users/[0-9]+")), "u"))
                .addRoutes(route("rest", RouteMatch.newBuilder().setPrefix("/"), "r"))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int users = 0;
                    for (int i = 0; i < 10_000; i++) {
                        Request request = Request.get(i % 2 == 0 ? "/users/" + i : "/other/" + i);
                        users += table.virtualHost("a.com").route(request).proto().getName().equals("users") ? 1 : 0;
                    }
                    return users;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(5_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
