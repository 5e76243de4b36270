package io.gwctl.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.model.yaml.ParsedSource;
import io.gwctl.model.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every field of the legacy kinds binds under its protobuf JSON name (istio/api tag 0.8.0,
 * {@code routing/v1alpha1/*.proto}) and under its original snake_case name, as protobuf's JSON parser
 * accepted both; unknown fields are ignored; absent fields take proto3's defaults.
 */
class LegacyBindingTest {

    private static Resource read(String yaml) {
        ParsedSource parsed = new YamlReader().read("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        List<ParseProblem> problems = new ArrayList<>();
        List<Resource> resources = new ResourceReader("default").read("test.yaml", parsed.documents().get(0), problems);
        assertThat(problems).isEmpty();
        Resource resource = resources.get(0);
        assertThat(resource.bindError()).isEmpty();
        return resource;
    }

    @Test
    void everyRouteRuleFieldBinds() {
        Resource resource = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews
                  namespace: bookinfo
                spec:
                  destination:
                    name: reviews
                    namespace: bookinfo
                    domain: cluster.local
                  precedence: 2
                  match:
                    source:
                      service: productpage.bookinfo.svc.cluster.local
                      labels:
                        version: v1
                    tcp:
                      sourceSubnet: [10.0.0.0/8]
                      destinationSubnet: [10.1.0.1]
                    request:
                      headers:
                        uri:
                          prefix: /api
                        cookie:
                          regex: "^(.*?;)?(user=jason)(;.*)?$"
                        x-env:
                          exact: prod
                  route:
                  - labels:
                      version: v2
                    weight: 80
                  - destination:
                      name: reviews-canary
                    labels:
                      version: v3
                    weight: 20
                  rewrite:
                    uri: /v2/api
                    authority: reviews.internal
                  websocketUpgrade: true
                  httpReqTimeout:
                    simpleTimeout:
                      timeout: 10s
                      overrideHeaderName: x-timeout
                  httpReqRetries:
                    simpleRetry:
                      attempts: 3
                      perTryTimeout: 2s
                  httpFault:
                    delay:
                      percent: 12.5
                      fixedDelay: 5s
                    abort:
                      percent: 10
                      httpStatus: 503
                  l4Fault:
                    throttle:
                      percent: 50
                      downstreamLimitBps: 1000
                      upstreamLimitBps: 2000
                      throttleAfterBytes: 1024
                      throttleForPeriod: 1m
                    terminate:
                      percent: 1
                      terminateAfterPeriod: 30s
                  mirror:
                    name: reviews-shadow
                    labels:
                      version: v4
                  corsPolicy:
                    allowOrigin: [http://foo.example]
                    allowMethods: [POST, GET]
                    allowHeaders: [content-type]
                    exposeHeaders: [x-custom-header]
                    maxAge: 300s
                    allowCredentials: false
                  appendHeaders:
                    x-istio: "yes"
                """);
        RouteRule rule = resource.as(RouteRule.class).orElseThrow();
        RouteRuleSpec spec = resource.spec(RouteRuleSpec.class).orElseThrow();
        assertThat(rule.getSpec()).isSameAs(spec);
        assertThat(rule.getApiVersion()).isEqualTo("config.istio.io/v1alpha2");
        assertThat(rule.getMetadata().getNamespace()).isEqualTo("bookinfo");

        assertThat(spec.destination()).isEqualTo(new IstioService("reviews", "bookinfo", "cluster.local", null, null));
        assertThat(spec.precedence()).isEqualTo(2);
        assertThat(spec.match().source().host()).isEqualTo("productpage.bookinfo.svc.cluster.local");
        assertThat(spec.match().source().labels()).containsExactly(Map.entry("version", "v1"));
        assertThat(spec.match().tcp().sourceSubnet()).containsExactly("10.0.0.0/8");
        assertThat(spec.match().tcp().destinationSubnet()).containsExactly("10.1.0.1");
        assertThat(spec.match().udp()).isNull();
        Map<String, StringMatch> headers = spec.match().request().headers();
        assertThat(headers.keySet()).containsExactly("uri", "cookie", "x-env");
        assertThat(headers.get("uri").type()).isEqualTo(StringMatch.Type.PREFIX);
        assertThat(headers.get("uri").value()).isEqualTo("/api");
        assertThat(headers.get("cookie").type()).isEqualTo(StringMatch.Type.REGEX);
        assertThat(headers.get("x-env")).isEqualTo(new StringMatch("prod", null, null));
        assertThat(spec.route()).containsExactly(
                new DestinationWeight(null, Map.of("version", "v2"), 80),
                new DestinationWeight(new IstioService("reviews-canary", null, null, null, null),
                        Map.of("version", "v3"), 20));
        assertThat(spec.redirect()).isNull();
        assertThat(spec.rewrite()).isEqualTo(new HttpRewrite("/v2/api", "reviews.internal"));
        assertThat(spec.websocketUpgrade()).isTrue();
        assertThat(spec.httpReqTimeout().simpleTimeout())
                .isEqualTo(new HttpTimeout.SimpleTimeoutPolicy("10s", "x-timeout"));
        assertThat(spec.httpReqTimeout().custom()).isNull();
        assertThat(spec.httpReqRetries().simpleRetry())
                .isEqualTo(new HttpRetry.SimpleRetryPolicy(3, "2s", null));
        assertThat(spec.httpFault().delay()).isEqualTo(new HttpFaultInjection.Delay(12.5f, "5s", null, null));
        assertThat(spec.httpFault().abort()).isEqualTo(new HttpFaultInjection.Abort(10f, null, null, 503, null));
        assertThat(spec.l4Fault().throttle())
                .isEqualTo(new L4FaultInjection.Throttle(50f, 1000, 2000, null, 1024.0, "1m"));
        assertThat(spec.l4Fault().terminate()).isEqualTo(new L4FaultInjection.Terminate(1f, "30s"));
        assertThat(spec.mirror().host()).isEqualTo("reviews-shadow");
        assertThat(spec.corsPolicy()).isEqualTo(new CorsPolicy(List.of("http://foo.example"), List.of("POST", "GET"),
                List.of("content-type"), List.of("x-custom-header"), "300s", false));
        assertThat(spec.appendHeaders()).containsExactly(Map.entry("x-istio", "yes"));
    }

    @Test
    void redirectAndOtherOneofMembersBind() {
        RouteRuleSpec spec = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: r
                spec:
                  destination:
                    service: c.default.svc.cluster.local
                  redirect:
                    uri: /new/path
                    authority: b
                  httpFault:
                    abort:
                      percent: 100
                      grpcStatus: UNAVAILABLE
                    delay:
                      percent: 1
                      exponentialDelay: 1s
                  httpReqTimeout:
                    custom:
                      "@type": type.googleapis.com/foo.Timeout
                """).spec(RouteRuleSpec.class).orElseThrow();
        assertThat(spec.destination().host()).isEqualTo("c.default.svc.cluster.local");
        assertThat(spec.redirect()).isEqualTo(new HttpRedirect("/new/path", "b"));
        assertThat(spec.httpFault().abort().grpcStatus()).isEqualTo("UNAVAILABLE");
        assertThat(spec.httpFault().abort().httpStatus()).isNull();
        assertThat(spec.httpFault().delay().exponentialDelay()).isEqualTo("1s");
        assertThat(spec.httpFault().delay().fixedDelay()).isNull();
        assertThat(spec.httpReqTimeout().simpleTimeout()).isNull();
        assertThat(spec.httpReqTimeout().custom()).containsEntry("@type", "type.googleapis.com/foo.Timeout");
    }

    @Test
    void snakeCaseNamesBindAsProtobufsParserAllowed() {
        RouteRuleSpec spec = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: r
                spec:
                  destination: {name: c}
                  websocket_upgrade: true
                  http_req_retries:
                    simple_retry: {attempts: 2, per_try_timeout: 1s}
                  append_headers: {x-a: b}
                  cors_policy: {allow_origin: [x], max_age: 1s, allow_credentials: true}
                """).spec(RouteRuleSpec.class).orElseThrow();
        assertThat(spec.websocketUpgrade()).isTrue();
        assertThat(spec.httpReqRetries().simpleRetry().perTryTimeout()).isEqualTo("1s");
        assertThat(spec.appendHeaders()).containsEntry("x-a", "b");
        assertThat(spec.corsPolicy().allowOrigin()).containsExactly("x");
        assertThat(spec.corsPolicy().allowCredentials()).isTrue();

        EgressRuleSpec egress = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: google
                spec:
                  destination:
                    service: "*google.com"
                  ports:
                  - port: 443
                    protocol: https
                  use_egress_proxy: true
                """).spec(EgressRuleSpec.class).orElseThrow();
        assertThat(egress.destination().service()).isEqualTo("*google.com");
        assertThat(egress.ports()).containsExactly(new EgressRuleSpec.Port(443, "https"));
        assertThat(egress.useEgressProxy()).isTrue();
    }

    @Test
    void destinationPolicyBindsInBothVersions() {
        for (String version : List.of("v1alpha2", "v1beta1")) {
            DestinationPolicySpec spec = read("""
                    apiVersion: config.istio.io/%s
                    kind: DestinationPolicy
                    metadata:
                      name: helloworld-circuit-breaker
                    spec:
                      destination:
                        name: helloworld-service
                        labels:
                          version: "1.0"
                      source:
                        name: client
                      loadBalancing:
                        name: LEAST_CONN
                      circuitBreaker:
                        simpleCb:
                          maxConnections: 1
                          httpMaxPendingRequests: 2
                          httpMaxRequests: 3
                          sleepWindow: 3m
                          httpConsecutiveErrors: 4
                          httpDetectionInterval: 1s
                          httpMaxRequestsPerConnection: 5
                          httpMaxEjectionPercent: 100
                          httpMaxRetries: 6
                    """.formatted(version)).spec(DestinationPolicySpec.class).orElseThrow();
            assertThat(spec.destination().labels()).containsExactly(Map.entry("version", "1.0"));
            assertThat(spec.source().name()).isEqualTo("client");
            assertThat(spec.loadBalancing().name()).isEqualTo(LoadBalancing.SimpleLbPolicy.LEAST_CONN);
            assertThat(spec.circuitBreaker().simpleCb()).isEqualTo(
                    new CircuitBreaker.SimpleCircuitBreakerPolicy(1, 2, 3, "3m", 4, "1s", 5, 100, 6));
            assertThat(spec.custom()).isNull();
        }
    }

    @Test
    void loadBalancingPolicyBindsByNumberAsProtobufJsonAllows() {
        assertThat(LoadBalancing.SimpleLbPolicy.of(2)).isEqualTo(LoadBalancing.SimpleLbPolicy.RANDOM);
        assertThat(LoadBalancing.SimpleLbPolicy.of("ROUND_ROBIN")).isEqualTo(LoadBalancing.SimpleLbPolicy.ROUND_ROBIN);
        assertThatThrownBy(() -> LoadBalancing.SimpleLbPolicy.of("FASTEST"))
                .hasMessageContaining("unknown load balancing policy FASTEST");
    }

    @Test
    void unknownFieldsAreIgnoredAndAbsentFieldsTakeProto3Defaults() {
        Resource resource = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: r
                spec:
                  destinaton: {name: typo}
                  route:
                  - labels: {version: v1}
                    wieght: 50
                """);
        RouteRuleSpec spec = resource.spec(RouteRuleSpec.class).orElseThrow();
        assertThat(spec.destination()).isNull();
        assertThat(spec.precedence()).isZero();
        assertThat(spec.route()).containsExactly(new DestinationWeight(null, Map.of("version", "v1"), 0));
        assertThat(spec.appendHeaders()).isEmpty();
        assertThat(spec.websocketUpgrade()).isFalse();
    }

    @Test
    void anObjectWithoutSpecBindsWithAnEmptySpec() {
        EgressRuleSpec spec = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: e
                """).spec(EgressRuleSpec.class).orElseThrow();
        assertThat(spec.destination()).isNull();
        assertThat(spec.ports()).isEmpty();
    }

    @Test
    void valuesAreUnmodifiable() {
        RouteRuleSpec spec = read("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: r
                spec:
                  destination: {name: c}
                  route:
                  - labels: {version: v1}
                """).spec(RouteRuleSpec.class).orElseThrow();
        assertThatThrownBy(() -> spec.route().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> spec.route().get(0).labels().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
