package io.gwctl.validate.analysis.virtualservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code virtualservice.DestinationRuleAnalyzer} ({@code virtualservice/destinationrules.go}; testdata
 * {@code virtualservice_destinationrules.yaml}), with hosts compared as FQDNs.
 */
class DestinationSubsetAnalyzerTest {

    private static String config(String drNamespace, String drHost, String exportTo, String destination) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                  namespace: %s
                spec:
                  host: %s
                  exportTo: [%s]
                  subsets:
                  - name: v1
                    labels:
                      version: v1
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                  namespace: default
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: %s
                    mirror: %s
                """.formatted(drNamespace, drHost, exportTo, destination, destination);
    }

    @Test
    void subsetOfARuleForTheSameServiceIsFound() {
        assertThat(Validation.findings(config("default", "reviews", "", "{host: reviews, subset: v1}"),
                AnalysisCodes.SUBSET_NOT_FOUND)).isEmpty();
        assertThat(Validation.findings(config("bookinfo", "reviews.default.svc.cluster.local", "",
                "{host: reviews, subset: v1}"), AnalysisCodes.SUBSET_NOT_FOUND)).isEmpty();
        assertThat(Validation.findings(config("default", "*.example.com", "", "{host: a.example.com, subset: v1}"),
                AnalysisCodes.SUBSET_NOT_FOUND)).isEmpty();
    }

    @Test
    void unknownSubsetIsReportedForRouteAndMirror() {
        var found = Validation.findings(config("default", "reviews", "", "{host: reviews, subset: v2}"),
                AnalysisCodes.SUBSET_NOT_FOUND);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).line()).isEqualTo(23);
        assertThat(found.get(0).message())
                .isEqualTo("Referenced host+subset in destinationrule not found: \"reviews+v2\"");
        assertThat(found.get(1).message())
                .isEqualTo("Referenced mirror+subset in destinationrule not found: \"reviews+v2\"");
    }

    @Test
    void ruleNotExportedToTheVirtualServicesNamespaceDoesNotCount() {
        assertThat(Validation.findings(config("bookinfo", "reviews.default.svc.cluster.local", "\".\"",
                "{host: reviews, subset: v1}"), AnalysisCodes.SUBSET_NOT_FOUND)).hasSize(2);
    }
}
