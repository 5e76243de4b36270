package io.gwctl.validate.analysis.destinationrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code destinationrule.SubsetSelectPodAnalyzer} ({@code destinationrule/subset.go}; testdata
 * {@code destinationrule-subsets-*.yaml}, {@code destinationrule-with-fake-host.yaml}), with a Deployment's
 * pod template counted as pods.
 */
class SubsetSelectPodAnalyzerTest {

    private static final String RULE = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: httpbin
              namespace: default
            spec:
              host: httpbin
              subsets:
              - name: v1
                labels:
                  version: v1
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: httpbin
              namespace: default
            spec:
              selector:
                app: httpbin
              ports:
              - name: http
                port: 8000
            """;

    @Test
    void subsetSelectingNoPodIsReportedAtItsName() {
        assertThat(Validation.findings(RULE, AnalysisCodes.SUBSET_SELECTS_NO_PODS)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.message()).isEqualTo("The Subset v1 defined in the DestinationRule does not select any pods. "
                    + "Which may lead to 503 UH (NoHealthyUpstream).");
        });
    }

    @Test
    void deploymentTemplateSelectedBySubsetCounts() {
        String yaml = RULE + """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: httpbin-v1
                  namespace: default
                spec:
                  template:
                    metadata:
                      labels:
                        app: httpbin
                        version: v1
                """;
        assertThat(Validation.findings(yaml, AnalysisCodes.SUBSET_SELECTS_NO_PODS)).isEmpty();
    }

    @Test
    void hostOfNoServiceIsUnknown() {
        assertThat(Validation.findings(RULE.replace("host: httpbin", "host: fake.default.svc.cluster.local"),
                AnalysisCodes.UNKNOWN_DESTINATION_RULE_HOST)).singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(7);
                    assertThat(d.message()).isEqualTo("The host fake.default.svc.cluster.local defined in the "
                            + "DestinationRule does not match any services in the mesh.");
                });
    }
}
