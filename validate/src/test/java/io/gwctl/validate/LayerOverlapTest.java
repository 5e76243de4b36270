package io.gwctl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

/** One mistake, one finding: the schema check and Istio's rules do not both report it. */
class LayerOverlapTest {

    @Test
    void missingPortKeepsIstiosMessageOnly() {
        ValidationReport report = Validation.of("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  servers:
                  - hosts: ["a.example.com"]
                """);
        assertThat(report.diagnostics()).as(Validation.describe(report))
                .extracting(d -> d.code().code() + " " + d.message())
                .containsExactly("GW0208 port is required");
    }

    @Test
    void misspeltFieldIsNotAlsoReportedAsMissingOrOutOfRange() {
        ValidationReport report = Validation.of("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw, namespace: istio-system}
                spec:
                  servers:
                  - port:
                      numbr: 80
                      name: http
                      protocol: HTTP
                    hosts: ["a.example.com"]
                """);
        assertThat(report.diagnostics()).as(Validation.describe(report))
                .extracting(Diagnostic::message)
                .containsExactly("unknown field \"numbr\"; did you mean \"number\"?");
    }
}
