package io.gwctl.translate.envoy.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.Validator;
import io.gwctl.validate.analysis.Analyzers;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.envoy.EnvoyCodes;
import io.gwctl.validate.rules.RuleSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Config Istio's validation accepts but Envoy would NACK (istio/istio #31525, #46722): found by rendering.
 * A redirect code in 3xx passes {@code validateHTTPRedirect}, but pilot's {@code translateRedirect} knows only
 * 301, 302, 303, 307 and 308, and leaves any other route without an action, which Envoy rejects.
 */
class EnvoyRejectionAnalyzerTest {

    private static ValidationReport validate(String yaml) {
        Validator validator = new Validator(RuleSet.all(),
                Stream.concat(Analyzers.all().stream(), Stream.of(new EnvoyRejectionAnalyzer())).toList());
        return validator.validate(ConfigSet.load(List.of(new InMemorySource("vs.yaml", yaml)), new ResourceReader("default")));
    }

    private static String virtualService(String http) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: web, namespace: default}
                spec:
                  hosts: ["web.example.com"]
                  http:
                %s""".formatted(http);
    }

    @Test
    void aRedirectCodeEnvoyHasNoValueForIsReported() {
        ValidationReport report = validate(virtualService("""
                  - redirect:
                      uri: /new
                      redirectCode: 304
                """));
        assertThat(report.diagnostics()).filteredOn(d -> d.code() == EnvoyCodes.REJECTED_ROUTE).singleElement()
                .satisfies(d -> {
                    assertThat(d.line()).isEqualTo(9);
                    assertThat(d.path()).isEqualTo("spec.http[0].redirect.redirectCode");
                    assertThat(d.message()).isEqualTo("Envoy would reject the route: redirect code 304 is not supported, so it has no action");
                });
    }

    @Test
    void routesEnvoyTakesAreNotReported() {
        ValidationReport report = validate(virtualService("""
                  - redirect:
                      uri: /new
                      redirectCode: 308
                """));
        assertThat(report.diagnostics()).extracting(Diagnostic::code).doesNotContain(EnvoyCodes.REJECTED_ROUTE);
    }

    @Test
    void aRegexTheRulesAlreadyRejectIsReportedOnce() {
        ValidationReport report = validate(virtualService("""
                  - match:
                    - uri: {regex: "(a)\\\\1"}
                    route:
                    - destination: {host: web}
                """));
        assertThat(report.diagnostics()).filteredOn(d -> d.path().equals("spec.http[0].match[0].uri.regex")
                        || d.path().equals("spec.http[0].match[0].uri"))
                .as("the VirtualService rule's RE2 error, not also Envoy's").hasSize(1);
    }
}
