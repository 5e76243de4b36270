package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateRouteRule} append_headers part ({@code TestValidateRouteAndIngressRule}
 * "append headers", "append headers bad name", "append headers bad val").
 */
class AppendHeadersRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.APPEND_HEADERS;

    @Test
    void namedHeaderWithValueIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  appendHeaders:
                    istio-custom-header: user-defined-value
                """), CODE)).isEmpty();
    }

    @Test
    void emptyNameIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  appendHeaders:
                    "": val
                """), CODE)).containsExactly(finding(CODE, 9, "header name cannot be empty"));
    }

    @Test
    void upperCaseNameAndEmptyValueAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  append_headers:
                    X-Name: ""
                """), CODE)).containsExactly(
                finding(CODE, 9, "appended header \"X-Name\" must have a non-empty value"),
                finding(CODE, 9, "must be in lower case"));
    }
}
