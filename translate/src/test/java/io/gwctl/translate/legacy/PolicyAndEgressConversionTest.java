package io.gwctl.translate.legacy;

import static io.gwctl.translate.legacy.RouteRuleConverterTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.Notification;
import org.junit.jupiter.api.Test;

/**
 * DestinationPolicy → DestinationRule and EgressRule → ServiceEntry, after istioctl's
 * {@code convertDestinationPolicy} and {@code convertEgressRules} (istioctl/pkg/convert, f74b2e85).
 */
class PolicyAndEgressConversionTest {

    @Test
    void policyBecomesSubsetTrafficPolicyAndRouteSubsetsJoinIt() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: reviews-cb
                spec:
                  destination:
                    name: reviews
                    labels: {version: v1}
                  loadBalancing:
                    name: RANDOM
                  circuitBreaker:
                    simpleCb:
                      maxConnections: 100
                      httpMaxRequests: 50
                      sleepWindow: 2m30s
                      httpDetectionInterval: 500ms
                      httpConsecutiveErrors: 3
                ---
                apiVersion: config.istio.io/v1alpha2
                kind: RouteRule
                metadata:
                  name: reviews-split
                spec:
                  destination:
                    name: reviews
                  route:
                  - labels: {version: v1}
                    weight: 50
                  - labels: {version: v2}
                    weight: 50
                """);

        DestinationRule dr = only(result, DestinationRule.class);
        assertThat(dr.getSpec().getSubsets()).extracting(s -> s.getName()).containsExactly("version-v1", "version-v2");
        var policy = Legacy.JSON.valueToTree(dr.getSpec().getSubsets().get(0).getTrafficPolicy());
        assertThat(policy.at("/loadBalancer/simple").asText()).isEqualTo("RANDOM");
        assertThat(policy.at("/connectionPool/tcp/maxConnections").asInt()).isEqualTo(100);
        assertThat(policy.at("/connectionPool/http/http2MaxRequests").asInt()).isEqualTo(50);
        assertThat(policy.at("/outlierDetection/baseEjectionTime").asText()).isEqualTo("150s");
        assertThat(policy.at("/outlierDetection/interval").asText()).isEqualTo("0.5s");
        assertThat(policy.at("/outlierDetection/consecutive5xxErrors").asInt()).isEqualTo(3);
        assertThat(dr.getSpec().getSubsets().get(1).getTrafficPolicy()).isNull();
        assertThat(Legacy.perResourceErrors(result.objects())).isEmpty();
    }

    @Test
    void unsupportedPolicyPartsAreReported() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: odd
                spec:
                  destination:
                    name: reviews
                  source:
                    name: productpage
                  circuitBreaker:
                    custom:
                      '@type': type.googleapis.com/Foo
                """);

        assertThat(result.notifications()).extracting(Notification::field)
                .contains("spec.source", "spec.circuitBreaker.custom");
        assertThat(result.objects()).isEmpty();
    }

    @Test
    void policyWithoutDestinationIsAFailure() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: DestinationPolicy
                metadata:
                  name: nowhere
                spec:
                  loadBalancing:
                    name: RANDOM
                """);

        assertThat(result.failures()).extracting(Notification::field).containsExactly("spec.destination");
    }

    @Test
    void egressRuleBecomesServiceEntry() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: httpbin
                  namespace: web
                spec:
                  destination:
                    service: httpbin.org
                  ports:
                  - port: 80
                    protocol: http
                  - port: 8080
                  use_egress_proxy: true
                """);

        ServiceEntry se = only(result, ServiceEntry.class);
        assertThat(se.getMetadata().getNamespace()).isEqualTo("web");
        assertThat(se.getSpec().getHosts()).containsExactly("httpbin.org");
        assertThat(se.getSpec().getPorts()).extracting(p -> p.getName()).containsExactly("http-80", "http-8080");
        assertThat(result.notifications()).extracting(Notification::field)
                .as("paths as written, snake_case included")
                .containsExactlyInAnyOrder("spec.ports[1].protocol", "spec.use_egress_proxy");
        assertThat(result.notifications()).extracting(Notification::line).containsExactlyInAnyOrder(12, 13);
        assertThat(Legacy.perResourceErrors(result.objects())).isEmpty();
    }

    @Test
    void addressRangeGetsASyntheticHost() {
        ConversionResult result = Legacy.convert("""
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: range
                spec:
                  destination:
                    service: 10.0.0.0/24
                  ports:
                  - port: 443
                    protocol: tcp
                """);

        ServiceEntry se = only(result, ServiceEntry.class);
        assertThat(se.getSpec().getAddresses()).containsExactly("10.0.0.0/24");
        assertThat(se.getSpec().getHosts()).containsExactly("range.default.svc.cluster.local");
        assertThat(Legacy.perResourceErrors(result.objects())).isEmpty();
    }

    @Test
    void suffixWildcardBecomesDomainAndSubdomains() {
        ConversionResult result = Legacy.convert("""
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
                """);

        assertThat(only(result, ServiceEntry.class).getSpec().getHosts()).containsExactly("google.com", "*.google.com");
        assertThat(result.notifications()).singleElement()
                .satisfies(n -> assertThat(n.level()).isEqualTo(Notification.Level.WARN))
                .satisfies(n -> assertThat(n.field()).isEqualTo("spec.destination.service"));
    }
}
