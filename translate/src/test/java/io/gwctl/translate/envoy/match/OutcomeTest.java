package io.gwctl.translate.envoy.match;

import static io.gwctl.translate.envoy.match.Snapshots.host;
import static io.gwctl.translate.envoy.match.Snapshots.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.config.route.v3.DirectResponseAction;
import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.WeightedCluster;
import io.gwctl.translate.envoy.EnvoySnapshot;
import org.junit.jupiter.api.Test;

/**
 * What a matched route does: forward to one or weighted clusters, redirect with the {@code Location} of
 * Envoy's {@code Http::Utility::newUri} ({@code source/common/http/utility.cc}), or answer directly.
 */
class OutcomeTest {

    private static EnvoySnapshot with(Route.Builder route) {
        return http(host("all", "*").addRoutes(route));
    }

    private static Route.Builder redirect(RouteMatch.Builder match, RedirectAction.Builder redirect) {
        return Route.newBuilder().setName("redirect").setMatch(match).setRedirect(redirect);
    }

    private static Trace get(EnvoySnapshot snapshot, String host, String path) {
        return RequestMatcher.trace(snapshot, TraceRequest.of("http", 8080, host, path));
    }

    /** Weighted clusters are all reported with their weights. */
    @Test
    void weightedClusters() {
        EnvoySnapshot snapshot = with(Route.newBuilder().setName("split").setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setRoute(RouteAction.newBuilder().setWeightedClusters(WeightedCluster.newBuilder()
                        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("v1").setWeight(UInt32Value.of(75)))
                        .addClusters(WeightedCluster.ClusterWeight.newBuilder().setName("v2").setWeight(UInt32Value.of(25))))));
        Trace trace = get(snapshot, "a.com", "/");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.CLUSTER);
        assertThat(trace.route()).isEqualTo("split");
        assertThat(trace.clusters()).containsExactly(new Trace.WeightedCluster("v1", 75),
                new Trace.WeightedCluster("v2", 25));
    }

    /** {@code https_redirect}: the scheme changes and the old scheme's default port is dropped; 301 by default. */
    @Test
    void httpsRedirectDropsTheDefaultPort() {
        EnvoySnapshot snapshot = with(redirect(RouteMatch.newBuilder().setPrefix("/"),
                RedirectAction.newBuilder().setHttpsRedirect(true)));
        Trace trace = get(snapshot, "a.com:80", "/x?y=1");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.REDIRECT);
        assertThat(trace.location()).isEqualTo("https://a.com/x?y=1");
        assertThat(trace.status()).isEqualTo(301);
        assertThat(trace.error()).isNull();
        assertThat(trace.steps()).contains("route redirect redirects: 301 to https://a.com/x?y=1");
        assertThat(get(snapshot, "a.com:8080", "/").location()).as("a non-default port is kept")
                .isEqualTo("https://a.com:8080/");
    }

    /** {@code host_redirect}, {@code port_redirect}, {@code path_redirect} keeping the query, and the response code. */
    @Test
    void hostPortAndPathRedirect() {
        EnvoySnapshot snapshot = with(redirect(RouteMatch.newBuilder().setPrefix("/"), RedirectAction.newBuilder()
                .setHostRedirect("b.com").setPortRedirect(8443).setPathRedirect("/new")
                .setResponseCode(RedirectAction.RedirectResponseCode.PERMANENT_REDIRECT)));
        Trace trace = get(snapshot, "a.com", "/old?q=1");
        assertThat(trace.location()).isEqualTo("http://b.com:8443/new?q=1");
        assertThat(trace.status()).isEqualTo(308);
    }

    /** A {@code port_redirect} alone replaces the request's port. */
    @Test
    void portRedirectReplacesTheRequestPort() {
        EnvoySnapshot snapshot = with(redirect(RouteMatch.newBuilder().setPrefix("/"),
                RedirectAction.newBuilder().setPortRedirect(9000).setResponseCode(RedirectAction.RedirectResponseCode.FOUND)));
        Trace trace = get(snapshot, "a.com:8080", "/p");
        assertThat(trace.location()).isEqualTo("http://a.com:9000/p");
        assertThat(trace.status()).isEqualTo(302);
    }

    /** {@code prefix_rewrite} replaces the matched prefix; {@code strip_query} drops the query. */
    @Test
    void prefixRewriteAndStripQuery() {
        EnvoySnapshot snapshot = with(redirect(RouteMatch.newBuilder().setPrefix("/v1/"), RedirectAction.newBuilder()
                .setPrefixRewrite("/v2/").setStripQuery(true).setSchemeRedirect("https")));
        assertThat(get(snapshot, "a.com", "/v1/users?x=1").location()).isEqualTo("https://a.com/v2/users");
    }

    /** A {@code path_redirect} with its own query keeps it, whatever {@code strip_query} says. */
    @Test
    void pathRedirectWithItsOwnQuery() {
        EnvoySnapshot snapshot = with(redirect(RouteMatch.newBuilder().setPrefix("/"), RedirectAction.newBuilder()
                .setPathRedirect("/login?from=old").setStripQuery(true)));
        assertThat(get(snapshot, "a.com", "/x?y=1").location()).isEqualTo("http://a.com/login?from=old");
    }

    /** {@code direct_response}: its status is the outcome. */
    @Test
    void directResponse() {
        EnvoySnapshot snapshot = with(Route.newBuilder().setName("teapot").setMatch(RouteMatch.newBuilder().setPrefix("/"))
                .setDirectResponse(DirectResponseAction.newBuilder().setStatus(418)
                        .setBody(DataSource.newBuilder().setInlineString("short and stout"))));
        Trace trace = get(snapshot, "a.com", "/");
        assertThat(trace.outcome()).isEqualTo(Trace.Outcome.DIRECT_RESPONSE);
        assertThat(trace.status()).isEqualTo(418);
        assertThat(trace.clusters()).isEmpty();
        assertThat(trace.steps()).contains("route teapot answers directly with 418");
    }
}
