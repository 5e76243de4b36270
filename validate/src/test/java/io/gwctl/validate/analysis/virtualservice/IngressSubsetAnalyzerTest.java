package io.gwctl.validate.analysis.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code virtualservice.DestinationHostAnalyzer.analyzeSubset} (IST0140; testdata
 * {@code virtualservice_route_rule_no_effects_ingress.yaml}).
 */
class IngressSubsetAnalyzerTest {

    private static String config(String gatewayDestination) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: ratings
                  namespace: default
                spec:
                  hosts: [ratings]
                  http:
                  - route:
                    - destination: {host: ratings, subset: v1}
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: edge
                  namespace: default
                spec:
                  hosts: [ratings.example.com]
                  gateways: [istio-system/gw]
                  http:
                  - route:
                    - destination: %s
                """.formatted(gatewayDestination);
    }

    @Test
    void gatewayRouteWithoutSubsetToASplitServiceIsReported() {
        assertThat(Validation.findings(config("{host: ratings.default.svc.cluster.local}"),
                AnalysisCodes.SUBSET_NO_EFFECT_ON_INGRESS)).singleElement().satisfies(d -> {
                    assertThat(d.name()).isEqualTo("edge");
                    assertThat(d.line()).isEqualTo(22);
                    assertThat(d.message()).isEqualTo("Subset in virtual service default/ratings has no effect on "
                            + "ingress gateway default/edge requests");
                });
    }

    @Test
    void gatewayRouteWithASubsetOrToAnotherServiceIsNotReported() {
        assertThat(Validation.findings(config("{host: ratings, subset: v1}"),
                AnalysisCodes.SUBSET_NO_EFFECT_ON_INGRESS)).isEmpty();
        assertThat(Validation.findings(config("{host: reviews}"), AnalysisCodes.SUBSET_NO_EFFECT_ON_INGRESS)).isEmpty();
    }
}
