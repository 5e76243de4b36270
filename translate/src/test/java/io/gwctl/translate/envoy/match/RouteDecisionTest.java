package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.http;
import static io.gwctl.translate.envoy.match.Snapshots.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.v3.Int64Range;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which route a request takes, pinned for one virtual host that uses every kind of match the matcher
 * evaluates. The expectations were written out from the trace's decisions before the compiled
 * {@link RouteTable} existed; both the trace and the compiled table must keep making them.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RouteDecisionTest {

    private static HeaderMatcher.Builder header(String name) {
        return HeaderMatcher.newBuilder().setName(name);
    }

    private static StringMatcher.Builder string() {
        return StringMatcher.newBuilder();
    }

    private static RouteMatch.Builder prefix(String prefix) {
        return RouteMatch.newBuilder().setPrefix(prefix);
    }

    private static RegexMatcher regex(String regex) {
        return RegexMatcher.newBuilder().setRegex(regex).build();
    }

    /** First match wins, so the order below is part of what is pinned. */
    private static final VirtualHost.Builder HOST = host("all", "*")
            .addRoutes(route("header-exact", prefix("/h").addHeaders(header("X-Env").setExactMatch("prod")), "c"))
            .addRoutes(route("header-regex", prefix("/h").addHeaders(header("x-env")
                    .setSafeRegexMatch(regex("st[a-z]+"))), "c"))
            .addRoutes(route("header-not-alice", prefix("/h").addHeaders(header("x-user").setInvertMatch(true)
                    .setStringMatch(string().setExact("alice"))), "c"))
            .addRoutes(route("header-absent", prefix("/h").addHeaders(header("x-debug").setPresentMatch(false)), "c"))
            .addRoutes(route("header-range", prefix("/range").addHeaders(header("x-n")
                    .setRangeMatch(Int64Range.newBuilder().setStart(10).setEnd(20))), "c"))
            .addRoutes(route("method-post", prefix("/m").addHeaders(header(":method")
                    .setStringMatch(string().setExact("POST"))), "c"))
            .addRoutes(route("joined-values", prefix("/multi").addHeaders(header("x-v")
                    .setStringMatch(string().setExact("a,b"))), "c"))
            .addRoutes(route("missing-as-empty", prefix("/empty").addHeaders(header("x-e")
                    .setTreatMissingHeaderAsEmpty(true).setStringMatch(string().setExact(""))), "c"))
            .addRoutes(route("bad-header-regex", prefix("/hb").addHeaders(header("x-b")
                    .setSafeRegexMatch(regex("("))), "c"))
            .addRoutes(route("suffix-ignoring-case", prefix("/s").addHeaders(header("x-s")
                    .setStringMatch(string().setSuffix(".COM").setIgnoreCase(true))), "c"))
            .addRoutes(route("contains", prefix("/s").addHeaders(header("x-s")
                    .setStringMatch(string().setContains("mid"))), "c"))
            .addRoutes(route("query-value", prefix("/q").addQueryParameters(QueryParameterMatcher.newBuilder()
                    .setName("debug").setStringMatch(string().setExact("a b"))), "c"))
            .addRoutes(route("query-present", prefix("/q").addQueryParameters(QueryParameterMatcher.newBuilder()
                    .setName("flag").setPresentMatch(true)), "c"))
            .addRoutes(route("query-prefix-ignoring-case", prefix("/q").addQueryParameters(
                    QueryParameterMatcher.newBuilder().setName("name")
                            .setStringMatch(string().setPrefix("ab").setIgnoreCase(true))), "c"))
            .addRoutes(route("path-exact", RouteMatch.newBuilder().setPath("/exact"), "c"))
            .addRoutes(route("path-ignoring-case", RouteMatch.newBuilder().setPath("/Case")
                    .setCaseSensitive(BoolValue.of(false)), "c"))
            .addRoutes(route("regex", RouteMatch.newBuilder().setSafeRegex(regex("/users/[0-9]+")), "c"))
            .addRoutes(route("bad-regex", RouteMatch.newBuilder().setSafeRegex(regex("/bad/(")), "c"))
            .addRoutes(route("separated", RouteMatch.newBuilder().setPathSeparatedPrefix("/api"), "c"))
            .addRoutes(route("prefix-with-query", prefix("/search?q="), "c"))
            .addRoutes(route("prefix-ignoring-case", prefix("/UP").setCaseSensitive(BoolValue.of(false)), "c"));

    private static final EnvoySnapshot SNAPSHOT = http(HOST);

    private static TraceRequest get(String path) {
        return TraceRequest.of("http", 8080, "a.com", path);
    }

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of(get("/h").withHeader("x-env", "prod"), "header-exact"),
                Arguments.of(get("/h").withHeader("x-env", "stage"), "header-regex"),
                Arguments.of(get("/h").withHeader("x-env", "staging1"), "header-absent"),
                Arguments.of(get("/h").withHeader("x-user", "alice"), "header-absent"),
                Arguments.of(get("/h").withHeader("x-user", "alice").withHeader("x-debug", "1"), null),
                Arguments.of(get("/h"), "header-absent"),
                Arguments.of(get("/h").withHeader("x-user", "bob"), "header-not-alice"),
                Arguments.of(get("/range").withHeader("x-n", "10"), "header-range"),
                Arguments.of(get("/range").withHeader("x-n", "20"), null),
                Arguments.of(get("/range").withHeader("x-n", "ten"), null),
                Arguments.of(get("/m"), null),
                Arguments.of(get("/m").withMethod("POST"), "method-post"),
                Arguments.of(get("/multi").withHeader("x-v", "a").withHeader("x-v", "b"), "joined-values"),
                Arguments.of(get("/multi").withHeader("x-v", "a"), null),
                Arguments.of(get("/empty"), "missing-as-empty"),
                Arguments.of(get("/empty").withHeader("x-e", "x"), null),
                Arguments.of(get("/hb").withHeader("x-b", "(").withHeader("x-debug", "1"), null),
                Arguments.of(get("/s").withHeader("x-s", "www.Example.com"), "suffix-ignoring-case"),
                Arguments.of(get("/s").withHeader("x-s", "a-mid-b"), "contains"),
                Arguments.of(get("/s"), null),
                Arguments.of(get("/q?debug=a%20b"), "query-value"),
                Arguments.of(get("/q?debug=a+b"), "query-value"),
                Arguments.of(get("/q?debug=c&debug=a%20b"), null),
                Arguments.of(get("/q?x=1&flag"), "query-present"),
                Arguments.of(get("/q?name=ABC"), "query-prefix-ignoring-case"),
                Arguments.of(get("/q?na%6De=abc#frag"), "query-prefix-ignoring-case"),
                Arguments.of(get("/q?name=xab"), null),
                Arguments.of(get("/exact"), "path-exact"),
                Arguments.of(get("/exact?x=1"), "path-exact"),
                Arguments.of(get("/exact#top"), "path-exact"),
                Arguments.of(get("/exact/"), null),
                Arguments.of(get("/CASE"), "path-ignoring-case"),
                Arguments.of(get("/users/42?x"), "regex"),
                Arguments.of(get("/users/42/posts"), null),
                Arguments.of(get("/bad/("), null),
                Arguments.of(get("/api"), "separated"),
                Arguments.of(get("/api/v1?x"), "separated"),
                Arguments.of(get("/api?x"), "separated"),
                Arguments.of(get("/apiary"), null),
                Arguments.of(get("/search?q=gw"), "prefix-with-query"),
                Arguments.of(get("/search"), null),
                Arguments.of(get("/upload"), "prefix-ignoring-case"),
                Arguments.of(get("/"), null));
    }

    private static final RouteTable TABLE = RouteTable.compile(SNAPSHOT.routes().get(0));

    @ParameterizedTest
    @MethodSource("decisions")
    void traceTakesThePinnedRoute(TraceRequest request, String expected) {
        assertThat(RequestMatcher.trace(SNAPSHOT, request).route()).as(request.toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("decisions")
    void routeTableTakesThePinnedRoute(TraceRequest request, String expected) {
        CompiledRoute route = TABLE.virtualHost(request.host()).route(request);
        assertThat(route == null ? null : route.proto().getName()).as(request.toString()).isEqualTo(expected);
    }

    /** {@code mismatch} explains exactly the routes {@code matches} turns down. */
    @ParameterizedTest
    @MethodSource("decisions")
    void mismatchAgreesWithMatches(TraceRequest request, String expected) {
        for (CompiledRoute route : TABLE.virtualHost(request.host()).routes()) {
            assertThat(route.mismatch(request) == null).as("%s for %s", route.proto().getName(), request)
                    .isEqualTo(route.matches(request));
        }
    }
}
