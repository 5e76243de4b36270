package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.http;
import static io.gwctl.translate.envoy.match.Snapshots.prefix;
import static io.gwctl.translate.envoy.match.Snapshots.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.config.core.v3.RuntimeFractionalPercent;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.type.matcher.v3.RegexMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gwctl.translate.envoy.EnvoySnapshot;
import org.junit.jupiter.api.Test;

/**
 * Route matching within a virtual host as Envoy's {@code RouteEntryImplBase::matchRoute} and its path
 * subclasses ({@code source/common/router/config_impl.cc}), {@code HeaderUtility::matchHeaders}
 * ({@code source/common/http/header_utility.cc}) and {@code QueryParameterMatcher}
 * ({@code source/common/router/config_utility.cc}).
 */
class RouteTest {

    private static EnvoySnapshot routes(Route.Builder... routes) {
        VirtualHost.Builder host = host("all", "*");
        for (Route.Builder r : routes) {
            host.addRoutes(r);
        }
        return http(host);
    }

    private static Trace get(EnvoySnapshot snapshot, String path) {
        return RequestMatcher.trace(snapshot, TraceRequest.of("http", 8080, "a.com", path));
    }

    /** Routes are tried in order and the first match wins, even when a later one is more specific. */
    @Test
    void firstMatchWins() {
        EnvoySnapshot snapshot = routes(prefix("api", "/api", "api"), prefix("api-v2", "/api/v2", "v2"),
                prefix("rest", "/", "rest"));
        Trace trace = get(snapshot, "/api/v2/users");
        assertThat(trace.route()).isEqualTo("api");
        assertThat(trace.cluster()).isEqualTo("api");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.CLUSTER);
        assertThat(get(snapshot, "/web").steps()).contains("route api: prefix /api does not match path /web",
                "route rest: matches", "route rest forwards to cluster rest (weight 100): cluster is not in the"
                        + " snapshot, Envoy answers 503");
    }

    /** {@code path} compares the whole path without its query. */
    @Test
    void exactPathIgnoresTheQuery() {
        EnvoySnapshot snapshot = routes(route("exact", RouteMatch.newBuilder().setPath("/login"), "login"));
        assertThat(get(snapshot, "/login?next=/").cluster()).isEqualTo("login");
        Trace trace = get(snapshot, "/login/");
        assertThat(trace.error()).isEqualTo(Trace.Error.NO_ROUTE);
        assertThat(trace.route()).isNull();
        assertThat(trace.virtualHost()).isEqualTo("all");
        assertThat(trace.steps()).contains("route exact: path /login does not equal /login/",
                "no route of virtual host all matches: Envoy answers 404");
    }

    /** {@code safe_regex} is an RE2 full match of the path without its query. */
    @Test
    void safeRegexIsAFullMatch() {
        EnvoySnapshot snapshot = routes(route("regex", RouteMatch.newBuilder()
                .setSafeRegex(RegexMatcher.newBuilder().setRegex("/users/[0-9]+")), "users"));
        assertThat(get(snapshot, "/users/42?x=1").cluster()).isEqualTo("users");
        assertThat(get(snapshot, "/users/42/posts").steps())
                .contains("route regex: regex /users/[0-9]+ does not match /users/42/posts");
    }

    /** {@code path_separated_prefix} matches the prefix only at a segment boundary. */
    @Test
    void pathSeparatedPrefix() {
        EnvoySnapshot snapshot = routes(route("sep", RouteMatch.newBuilder().setPathSeparatedPrefix("/api"), "api"));
        assertThat(get(snapshot, "/api").cluster()).isEqualTo("api");
        assertThat(get(snapshot, "/api/x?y").cluster()).isEqualTo("api");
        assertThat(get(snapshot, "/apiary").error()).isEqualTo(Trace.Error.NO_ROUTE);
    }

    /** {@code case_sensitive: false} compares prefix and path ignoring case. */
    @Test
    void caseInsensitivePaths() {
        EnvoySnapshot sensitive = routes(prefix("p", "/API", "api"));
        assertThat(get(sensitive, "/api").error()).isEqualTo(Trace.Error.NO_ROUTE);
        EnvoySnapshot insensitive = routes(route("p", RouteMatch.newBuilder().setPrefix("/API")
                .setCaseSensitive(BoolValue.of(false)), "api"));
        assertThat(get(insensitive, "/api").cluster()).isEqualTo("api");
    }

    private static EnvoySnapshot withHeader(HeaderMatcher.Builder header) {
        return routes(route("h", RouteMatch.newBuilder().setPrefix("/").addHeaders(header), "h"));
    }

    private static boolean matches(EnvoySnapshot snapshot, String header, String... values) {
        TraceRequest request = TraceRequest.of("http", 8080, "a.com", "/");
        for (String v : values) {
            request = request.withHeader(header, v);
        }
        return RequestMatcher.trace(snapshot, request).error() == null;
    }

    /** {@code string_match} headers: exact, prefix, suffix, contains, regex, ignore_case; values joined by commas. */
    @Test
    void headerStringMatch() {
        EnvoySnapshot exact = withHeader(HeaderMatcher.newBuilder().setName("x-user")
                .setStringMatch(StringMatcher.newBuilder().setExact("alice")));
        assertThat(matches(exact, "x-user", "alice")).isTrue();
        assertThat(matches(exact, "x-user", "bob")).isFalse();
        assertThat(matches(exact, "x-user", "alice", "bob")).as("values are joined: alice,bob").isFalse();
        assertThat(RequestMatcher.trace(exact, TraceRequest.of("http", 8080, "a.com", "/")).steps())
                .contains("route h: header x-user exact alice does not match (absent)");
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-v")
                .setStringMatch(StringMatcher.newBuilder().setPrefix("v1"))), "x-v", "v1.2")).isTrue();
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-v")
                .setStringMatch(StringMatcher.newBuilder().setSuffix(".2"))), "x-v", "v1.2")).isTrue();
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-v")
                .setStringMatch(StringMatcher.newBuilder().setContains("1."))), "x-v", "v1.2")).isTrue();
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-v")
                .setStringMatch(StringMatcher.newBuilder().setSafeRegex(RegexMatcher.newBuilder().setRegex("v[0-9]")))),
                "x-v", "v1.2")).as("regex is a full match").isFalse();
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-v")
                .setStringMatch(StringMatcher.newBuilder().setExact("ABC").setIgnoreCase(true))), "x-v", "abc")).isTrue();
    }

    /** {@code present_match}, {@code invert_match} and a missing header ({@code HeaderUtility::matchHeaders}). */
    @Test
    void headerPresenceAndInversion() {
        EnvoySnapshot present = withHeader(HeaderMatcher.newBuilder().setName("x-debug").setPresentMatch(true));
        assertThat(matches(present, "x-debug", "")).isTrue();
        assertThat(matches(present, "x-other", "1")).isFalse();
        EnvoySnapshot absent = withHeader(HeaderMatcher.newBuilder().setName("x-debug").setPresentMatch(false));
        assertThat(matches(absent, "x-other", "1")).isTrue();
        EnvoySnapshot notAlice = withHeader(HeaderMatcher.newBuilder().setName("x-user").setInvertMatch(true)
                .setStringMatch(StringMatcher.newBuilder().setExact("alice")));
        assertThat(matches(notAlice, "x-user", "bob")).isTrue();
        assertThat(matches(notAlice, "x-user", "alice")).isFalse();
        assertThat(matches(notAlice, "x-other", "1")).as("an inverted value match never takes a missing header")
                .isFalse();
        EnvoySnapshot notPresent = withHeader(HeaderMatcher.newBuilder().setName("x-debug").setPresentMatch(true)
                .setInvertMatch(true));
        assertThat(matches(notPresent, "x-other", "1")).isTrue();
        assertThat(matches(notPresent, "x-debug", "1")).isFalse();
    }

    /** The legacy header fields ({@code exact_match}, {@code prefix_match}, {@code safe_regex_match}) and {@code :method}. */
    @Test
    void legacyHeaderFieldsAndPseudoHeaders() {
        EnvoySnapshot legacy = withHeader(HeaderMatcher.newBuilder().setName("x-env").setExactMatch("prod"));
        assertThat(matches(legacy, "x-env", "prod")).isTrue();
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-env").setPrefixMatch("pr")), "x-env", "prod"))
                .isTrue();
        assertThat(matches(withHeader(HeaderMatcher.newBuilder().setName("x-env")
                .setSafeRegexMatch(RegexMatcher.newBuilder().setRegex("p.*"))), "x-env", "prod")).isTrue();
        EnvoySnapshot post = withHeader(HeaderMatcher.newBuilder().setName(":method")
                .setStringMatch(StringMatcher.newBuilder().setExact("POST")));
        TraceRequest request = TraceRequest.of("http", 8080, "a.com", "/");
        assertThat(RequestMatcher.trace(post, request).error()).isEqualTo(Trace.Error.NO_ROUTE);
        assertThat(RequestMatcher.trace(post, request.withMethod("POST")).cluster()).isEqualTo("h");
    }

    /** {@code query_parameters}: value match on the decoded value, presence, and no matcher meaning presence. */
    @Test
    void queryParameters() {
        EnvoySnapshot snapshot = routes(route("q", RouteMatch.newBuilder().setPrefix("/")
                .addQueryParameters(QueryParameterMatcher.newBuilder().setName("debug")
                        .setStringMatch(StringMatcher.newBuilder().setExact("a b"))), "q"));
        assertThat(get(snapshot, "/x?debug=a%20b").cluster()).isEqualTo("q");
        assertThat(get(snapshot, "/x?debug=c").steps()).contains("route q: query parameter debug does not match");
        EnvoySnapshot present = routes(route("q", RouteMatch.newBuilder().setPrefix("/")
                .addQueryParameters(QueryParameterMatcher.newBuilder().setName("debug").setPresentMatch(true)), "q"));
        assertThat(get(present, "/x?debug").cluster()).isEqualTo("q");
        assertThat(get(present, "/x?other=1").error()).isEqualTo(Trace.Error.NO_ROUTE);
    }

    /** {@code runtime_fraction} is not evaluated: the route is taken as matching and the step says so. */
    @Test
    void runtimeFractionIsNoted() {
        EnvoySnapshot snapshot = routes(route("canary", RouteMatch.newBuilder().setPrefix("/")
                .setRuntimeFraction(RuntimeFractionalPercent.newBuilder().setRuntimeKey("k")), "canary"));
        assertThat(get(snapshot, "/").steps())
                .contains("route canary: matches (runtime_fraction not evaluated: taken as matching)");
    }

    /** A route without a name is described by its match. */
    @Test
    void unnamedRoutesAreDescribedByTheirMatch() {
        EnvoySnapshot snapshot = routes(route("", RouteMatch.newBuilder().setPath("/exact"), "c"));
        assertThat(get(snapshot, "/exact").route()).isEqualTo("path /exact");
    }
}
