package io.gwctl.translate.envoy.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.extensions.retry.host.previous_hosts.v3.PreviousHostsPredicate;
import io.envoyproxy.envoy.extensions.retry.priority.previous_priorities.v3.PreviousPrioritiesConfig;
import io.envoyproxy.envoy.type.v3.FractionalPercent;
import org.junit.jupiter.api.Test;

/** Forwarding actions as pilot's {@code applyHTTPRouteDestination} and {@code retry.ConvertPolicy} build them. */
class RouteActionTranslationTest {

    private static final String SERVICES = """
            apiVersion: v1
            kind: Service
            metadata: {name: single, namespace: default}
            spec:
              ports: [{name: http, port: 8000}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: multi, namespace: default}
            spec:
              ports: [{name: http, port: 8000}, {name: http-admin, port: 9000}]
            ---
            """;

    private static final String HEAD = SERVICES + """
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              name: web
              namespace: default
            spec:
              hosts: ["web.example.com"]
              gateways: ["gw"]
              http:
            """;

    /**
     * {@code GetDestinationCluster}: the destination's port, else the service's only port, else the listener port;
     * short hosts expanded in the VirtualService's namespace; a single destination is {@code cluster}.
     */
    @Test
    void singleClusterPorts() {
        assertThat(cluster("{host: single}")).isEqualTo("outbound|8000||single.default.svc.cluster.local");
        assertThat(cluster("{host: multi}")).isEqualTo("outbound|80||multi.default.svc.cluster.local");
        assertThat(cluster("{host: multi, subset: v2, port: {number: 9000}}"))
                .isEqualTo("outbound|9000|v2|multi.default.svc.cluster.local");
        assertThat(cluster("{host: api.example.com}")).isEqualTo("outbound|80||api.example.com");
    }

    /** {@code applyHTTPRouteDestination}: several destinations are weighted_clusters, zero weights left out. */
    @Test
    void weightedClusters() {
        RouteAction a = Routes.of(HEAD + """
                  - route:
                    - destination: {host: single, subset: v1}
                      weight: 90
                    - destination: {host: single, subset: v2}
                      weight: 10
                    - destination: {host: single, subset: v3}
                      weight: 0
                """).route().getRoute();
        assertThat(a.getWeightedClusters()).isEqualTo(Routes.json(
                io.envoyproxy.envoy.config.route.v3.WeightedCluster.newBuilder(), """
                {"clusters": [
                  {"name": "outbound|8000|v1|single.default.svc.cluster.local", "weight": 90},
                  {"name": "outbound|8000|v2|single.default.svc.cluster.local", "weight": 10}
                ]}""").build());
    }

    /** Envoy requires at least one weighted cluster: all-zero weights are reported as a problem. */
    @Test
    void emptyWeightedClustersIsAProblem() {
        Routes routes = Routes.of(HEAD + """
                  - route:
                    - destination: {host: single, subset: v1}
                      weight: 0
                    - destination: {host: single, subset: v2}
                      weight: 0
                """);
        assertThat(routes.route().getRoute().getWeightedClusters().getClustersCount()).isZero();
        assertThat(routes.problems).extracting(RouteProblem::path).containsExactly("spec.http[0].route");
    }

    /** {@code setTimeout}: 0s (no timeout) by default, the route's timeout otherwise, mirrored in max_grpc_timeout. */
    @Test
    void timeouts() {
        RouteAction none = action("");
        assertThat(none.getTimeout()).isEqualTo(Duration.getDefaultInstance());
        assertThat(none.hasTimeout()).isTrue();
        RouteAction set = action("timeout: 1.5s\n");
        assertThat(set.getTimeout()).isEqualTo(Duration.newBuilder().setSeconds(1).setNanos(500_000_000).build());
        assertThat(set.getMaxGrpcTimeout()).isEqualTo(set.getTimeout());
    }

    /**
     * {@code retry.DefaultPolicy}: 2 retries on connect-failure,refused-stream,unavailable,cancelled,
     * retriable-status-codes with 503, the previous-hosts predicate and 5 host selection attempts.
     */
    @Test
    void defaultRetries() throws InvalidProtocolBufferException {
        RetryPolicy p = action("").getRetryPolicy();
        assertThat(p.getNumRetries()).isEqualTo(UInt32Value.of(2));
        assertThat(p.getRetryOn()).isEqualTo("connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes");
        assertThat(p.getRetriableStatusCodesList()).containsExactly(503);
        assertThat(p.getHostSelectionRetryMaxAttempts()).isEqualTo(5);
        assertThat(p.getRetryHostPredicateList()).singleElement().satisfies(h -> {
            assertThat(h.getName()).isEqualTo("envoy.retry_host_predicates.previous_hosts");
            assertThat(h.getTypedConfig().is(PreviousHostsPredicate.class)).isTrue();
        });
    }

    /**
     * {@code ConvertPolicy}/{@code parseRetryOn}: attempts, status codes split out of retryOn (adding
     * retriable-status-codes), per-try timeout, ignoring previous hosts turned off, remote localities, backoff.
     */
    @Test
    void configuredRetries() throws InvalidProtocolBufferException {
        RetryPolicy p = action("""
                retries:
                      attempts: 3
                      retryOn: gateway-error, 502,connect-failure
                      perTryTimeout: 2s
                      retryIgnorePreviousHosts: false
                      retryRemoteLocalities: true
                      backoff: 25ms
                """).getRetryPolicy();
        assertThat(p.getNumRetries()).isEqualTo(UInt32Value.of(3));
        assertThat(p.getRetryOn()).isEqualTo("gateway-error,connect-failure,retriable-status-codes");
        assertThat(p.getRetriableStatusCodesList()).containsExactly(502);
        assertThat(p.getPerTryTimeout()).isEqualTo(Duration.newBuilder().setSeconds(2).build());
        assertThat(p.getRetryHostPredicateList()).isEmpty();
        assertThat(p.getRetryPriority().getName()).isEqualTo("envoy.retry_priorities.previous_priorities");
        assertThat(p.getRetryPriority().getTypedConfig().unpack(PreviousPrioritiesConfig.class).getUpdateFrequency())
                .isEqualTo(2);
        assertThat(p.getRetryBackOff().getBaseInterval()).isEqualTo(Duration.newBuilder().setNanos(25_000_000).build());
    }

    /** {@code ConvertPolicy}: {@code attempts: 0} disables retries (no retry_policy). */
    @Test
    void zeroAttemptsDisableRetries() {
        assertThat(action("retries: {attempts: 0}\n").hasRetryPolicy()).isFalse();
    }

    /** {@code applyHTTPRouteDestination}: uri rewrite → prefix_rewrite, authority → host_rewrite_literal. */
    @Test
    void prefixAndHostRewrite() {
        RouteAction a = action("rewrite: {uri: /v2/, authority: internal.example.com}\n");
        assertThat(a.getPrefixRewrite()).isEqualTo("/v2/");
        assertThat(a.getHostRewriteLiteral()).isEqualTo("internal.example.com");
    }

    /** {@code applyHTTPRouteDestination}: uriRegexRewrite → regex_rewrite (pattern + substitution). */
    @Test
    void regexRewrite() {
        RouteAction a = action("rewrite: {uriRegexRewrite: {match: \"^/api/(.*)\", rewrite: \"/\\\\1\"}}\n");
        assertThat(a.getRegexRewrite().getPattern().getRegex()).isEqualTo("^/api/(.*)");
        assertThat(a.getRegexRewrite().getSubstitution()).isEqualTo("/\\1");
        assertThat(a.getPrefixRewrite()).isEmpty();
    }

    /**
     * {@code MirrorPercent}/{@code MirrorPercentByPolicy}/{@code TranslateRequestMirrorPolicy}: mirror with
     * mirrorPercentage as a fraction of a million, mirrors defaulting to 100%, trace_sampled false.
     */
    @Test
    void mirrors() {
        RouteAction a = action("""
                mirror: {host: single}
                    mirrorPercentage: {value: 12.5}
                    mirrors:
                    - destination: {host: multi, port: {number: 9000}}
                    - destination: {host: multi}
                      percentage: {value: 0}
                """);
        assertThat(a.getRequestMirrorPoliciesList()).hasSize(2);
        RouteAction.RequestMirrorPolicy first = a.getRequestMirrorPolicies(0);
        assertThat(first.getCluster()).isEqualTo("outbound|8000||single.default.svc.cluster.local");
        assertThat(first.getRuntimeFraction().getDefaultValue()).isEqualTo(FractionalPercent.newBuilder()
                .setNumerator(125000).setDenominator(FractionalPercent.DenominatorType.MILLION).build());
        assertThat(first.getTraceSampled()).isEqualTo(BoolValue.of(false));
        RouteAction.RequestMirrorPolicy second = a.getRequestMirrorPolicies(1);
        assertThat(second.getCluster()).isEqualTo("outbound|9000||multi.default.svc.cluster.local");
        assertThat(second.getRuntimeFraction().getDefaultValue()).isEqualTo(FractionalPercent.newBuilder()
                .setNumerator(100).setDenominator(FractionalPercent.DenominatorType.HUNDRED).build());
    }

    private static String cluster(String destination) {
        return Routes.of(HEAD + "  - route:\n    - destination: " + destination + "\n").route().getRoute().getCluster();
    }

    /** The action of a route to {@code single} with {@code extra} (indented as a route field) added. */
    private static RouteAction action(String extra) {
        String yaml = HEAD + "  - route:\n    - destination: {host: single}\n"
                + (extra.isEmpty() ? "" : "    " + extra);
        Route r = Routes.of(yaml).route();
        assertThat(r.hasRoute()).isTrue();
        return r.getRoute();
    }
}
