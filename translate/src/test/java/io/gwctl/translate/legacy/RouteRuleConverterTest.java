package io.gwctl.translate.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.ConvertedFrom;
import io.gwctl.translate.convert.Notification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RouteRule conversion, after istioctl's {@code convertRouteRule} and {@code RouteRuleRouteLabels}
 * (istioctl/pkg/convert/route.go at f74b2e85) with its known bugs fixed.
 */
class RouteRuleConverterTest {

    private static final String DEFAULT_ROUTE = """
            apiVersion: config.istio.io/v1alpha2
            kind: RouteRule
            metadata:
              name: reviews-default
            spec:
              destination:
                name: reviews
              precedence: 1
              route:
              - labels:
                  version: v1
            """;

    @Test
    void defaultRouteBecomesVirtualServiceAndSubset() {
        ConversionResult result = Legacy.convert(DEFAULT_ROUTE);

        assertThat(result.failures()).isEmpty();
        VirtualService vs = only(result, VirtualService.class);
        assertThat(vs.getMetadata().getName()).isEqualTo("reviews");
        assertThat(vs.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(vs.getMetadata().getAnnotations())
                .containsEntry(ConvertedFrom.ANNOTATION, "RouteRule default/reviews-default");
        assertThat(vs.getSpec().getHosts()).containsExactly("reviews");
        HTTPRoute route = vs.getSpec().getHttp().get(0);
        assertThat(route.getRoute().get(0).getDestination().getSubset()).isEqualTo("version-v1");
        DestinationRule dr = only(result, DestinationRule.class);
        assertThat(dr.getSpec().getHost()).isEqualTo("reviews");
        assertThat(dr.getSpec().getSubsets()).singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("version-v1"))
                .satisfies(s -> assertThat(s.getLabels()).isEqualTo(Map.of("version", "v1")));
        assertThat(dr.getMetadata().getAnnotations()).containsKey(ConvertedFrom.ANNOTATION);
    }

    @Test
    void rulesForOneDestinationMergeByDescendingPrecedence() {
        ConversionResult result = Legacy.convert(DEFAULT_ROUTE + """
                ---
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews-jason
                spec:
                  destination:
                    name: reviews
                  precedence: 2
                  match:
                    request:
                      headers:
                        cookie:
                          regex: "^(.*?;)?(user=jason)(;.*)?$"
                        uri:
                          prefix: /api
                  route:
                  - labels:
                      version: v2
                """);

        VirtualService vs = only(result, VirtualService.class);
        assertThat(vs.getSpec().getHttp()).hasSize(2);
        HTTPRoute first = vs.getSpec().getHttp().get(0);
        assertThat(first.getMatch().get(0).getHeaders()).containsKey("cookie");
        assertThat(Legacy.JSON.valueToTree(first.getMatch().get(0).getUri()).toString())
                .isEqualTo("{\"prefix\":\"/api\"}");
        assertThat(first.getRoute().get(0).getDestination().getSubset()).isEqualTo("version-v2");
        assertThat(vs.getSpec().getHttp().get(1).getMatch()).isNullOrEmpty();
        assertThat(vs.getMetadata().getAnnotations().get(ConvertedFrom.ANNOTATION))
                .isEqualTo("RouteRule default/reviews-jason, RouteRule default/reviews-default");
        assertThat(only(result, DestinationRule.class).getSpec().getSubsets()).extracting(s -> s.getName())
                .containsExactlyInAnyOrder("version-v1", "version-v2");
    }

    /** istioctl dropped {@code match.source} ("Source matching not supported"), turning the rule into a catch-all. */
    @Test
    void sourceLabelsAreKeptAndTheSourceNameIsReported() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: from-a
                spec:
                  destination:
                    name: c
                  match:
                    source:
                      name: a
                      namespace: team-a
                      labels:
                        version: v1
                """);

        var match = only(result, VirtualService.class).getSpec().getHttp().get(0).getMatch().get(0);
        assertThat(match.getSourceLabels()).isEqualTo(Map.of("version", "v1"));
        assertThat(match.getSourceNamespace()).isEqualTo("team-a");
        assertThat(result.notifications()).anySatisfy(n -> {
            assertThat(n.level()).isEqualTo(Notification.Level.WARN);
            assertThat(n.field()).isEqualTo("spec.match.source.name");
            assertThat(n.line()).isEqualTo(10);
            assertThat(n.message()).contains("matched on the source's labels only");
        });
    }

    /** istioctl truncated the float percent to an int32 ("Percent truncated"). */
    @Test
    void faultPercentagesKeepTheirFraction() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: flaky
                spec:
                  destination:
                    name: ratings
                  httpFault:
                    delay:
                      percent: 0.5
                      fixedDelay: 1.5s
                    abort:
                      percent: 12.25
                      httpStatus: 500
                """);

        var fault = only(result, VirtualService.class).getSpec().getHttp().get(0).getFault();
        assertThat(fault.getDelay().getPercentage().getValue()).isEqualTo(0.5);
        assertThat(Legacy.JSON.valueToTree(fault.getDelay()).get("fixedDelay").asText()).isEqualTo("1.5s");
        assertThat(fault.getAbort().getPercentage().getValue()).isEqualTo(12.25);
        assertThat(Legacy.JSON.valueToTree(fault.getAbort()).get("httpStatus").asInt()).isEqualTo(500);
    }

    /** istio/istio#6571: the converter wrote every object to the first input's namespace. */
    @Test
    void destinationNamespaceIsHonoured() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: to-shop
                  namespace: ops
                spec:
                  destination:
                    name: cart
                    namespace: shop
                  route:
                  - labels: {version: v2}
                  mirror:
                    name: audit
                    namespace: tools
                """);

        VirtualService vs = only(result, VirtualService.class);
        assertThat(vs.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(vs.getSpec().getHttp().get(0).getMirror().getHost()).isEqualTo("audit.tools.svc.cluster.local");
        assertThat(only(result, DestinationRule.class).getMetadata().getNamespace()).isEqualTo("shop");
    }

    @Test
    void subsetNamesFromSeveralLabelsAreDnsLabels() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: canary
                spec:
                  destination:
                    name: web
                  route:
                  - labels: {version: "1.0", env: prod}
                    weight: 90
                  - labels: {version: "2.0", env: prod}
                    weight: 10
                """);

        assertThat(only(result, DestinationRule.class).getSpec().getSubsets()).extracting(s -> s.getName())
                .containsExactly("env-prod-version-1-0", "env-prod-version-2-0");
        assertThat(Legacy.perResourceErrors(result.objects())).isEmpty();
    }

    @Test
    void ruleWithoutDestinationIsAFailure() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: nowhere
                spec:
                  precedence: 1
                """);

        assertThat(result.objects()).isEmpty();
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.object()).isEqualTo("RouteRule default/nowhere");
            assertThat(f.field()).isEqualTo("spec.destination");
        });
    }

    /** istioctl dereferenced {@code maxAge} and {@code allowCredentials} without a nil check. */
    @Test
    void corsPolicyWithoutMaxAgeOrCredentialsConverts() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: cors
                spec:
                  destination:
                    name: api
                  corsPolicy:
                    allowOrigin: [https://example.com]
                """);

        var cors = only(result, VirtualService.class).getSpec().getHttp().get(0).getCorsPolicy();
        assertThat(cors.getMaxAge()).isNull();
        assertThat(cors.getAllowCredentials()).isNull();
        assertThat(Legacy.JSON.valueToTree(cors.getAllowOrigins()).toString())
                .isEqualTo("[{\"exact\":\"https://example.com\"}]");
    }

    @Test
    void droppedFieldsAreReportedWithTheirPath() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: lossy
                spec:
                  destination:
                    name: api
                  l4Fault:
                    terminate:
                      percent: 10
                  httpReqTimeout:
                    simpleTimeout:
                      timeout: 3s
                      overrideHeaderName: x-timeout
                """);

        assertThat(result.notifications()).extracting(Notification::field)
                .contains("spec.l4Fault", "spec.httpReqTimeout.simpleTimeout.overrideHeaderName");
        assertThat(only(result, VirtualService.class).getSpec().getHttp().get(0).getTimeout()).isEqualTo("3s");
    }

    /** Empty members and messages that istioctl dereferenced or copied blindly convert or are reported. */
    @Test
    void emptyMembersNeitherThrowNorVanishSilently() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: sparse
                spec:
                  destination:
                    name: api
                  route:
                  - {}
                  mirror: {}
                  httpFault:
                    delay: {}
                    abort: {}
                  httpReqRetries: {}
                  match:
                    request:
                      headers:
                        x-empty: {}
                """);

        HTTPRoute route = only(result, VirtualService.class).getSpec().getHttp().get(0);
        assertThat(route.getRoute()).singleElement()
                .satisfies(d -> assertThat(d.getDestination().getHost()).isEqualTo("api"));
        assertThat(route.getMirror()).isNull();
        assertThat(route.getFault()).isNull();
        assertThat(result.notifications()).extracting(Notification::field).contains("spec.mirror",
                "spec.httpFault.delay", "spec.httpFault.abort", "spec.match.request.headers.x-empty");
        assertThat(Legacy.perResourceErrors(result.objects())).isEmpty();
    }

    static <T> T only(ConversionResult result, Class<T> cls) {
        List<T> found = result.objects().stream().filter(cls::isInstance).map(cls::cast).toList();
        assertThat(found).as("%s in %s", cls.getSimpleName(), result.objects()).hasSize(1);
        return found.get(0);
    }
}
