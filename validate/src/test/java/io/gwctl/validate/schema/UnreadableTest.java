package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.diagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * An object that passes the schema but does not bind to its model class: the typed checks are skipped,
 * and the user is told so, at the field binding failed on. The case at hand is a fabric8 model limit:
 * {@code consistentHash.ringHash} (valid in the CRD) cannot be read by the model.
 */
class UnreadableTest {

    private static String destinationRule(String hashAlgorithm) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: dr
                spec:
                  host: web
                  trafficPolicy:
                    loadBalancer:
                      consistentHash:
                        httpHeaderName: x-user
                        %s
                """.formatted(hashAlgorithm);
    }

    @Test
    void objectThatBindsIsNotReported() {
        assertThat(Validation.findings(destinationRule("maglev: {tableSize: 65537}"), SchemaCodes.UNREADABLE)).isEmpty();
    }

    @Test
    void bindFailureWithoutSchemaFindingIsAWarningAtItsField() {
        ValidationReport report = Validation.of(destinationRule("ringHash: {minimumRingSize: 1024}"));
        assertThat(report.diagnostics()).filteredOn(d -> d.code() instanceof SchemaCodes).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(SchemaCodes.UNREADABLE);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.line()).isEqualTo(11);
            assertThat(d.column()).isEqualTo(9);
            assertThat(d.path()).isEqualTo("spec.trafficPolicy.loadBalancer.consistentHash.ringHash");
            assertThat(d.message()).startsWith("spec.trafficPolicy.loadBalancer.consistentHash.ringHash: "
                    + "cannot be read as DestinationRule (").endsWith("), so the checks that need it are skipped");
        });
    }

    @Test
    void bindFailureExplainedByTheSchemaIsNotRepeated() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                spec:
                  servers:
                  - port: 80
                    hosts: ["example.com"]
                """;
        ValidationReport report = Validation.of(yaml);
        assertThat(report.diagnostics()).filteredOn(d -> d.code() instanceof SchemaCodes)
                .extracting(d -> d.code().code() + " " + d.message())
                .containsExactly("GW0102 spec.servers[0].port in body must be of type object: \"integer\"");
    }
}
