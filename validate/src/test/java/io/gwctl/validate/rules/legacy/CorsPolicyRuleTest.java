package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateRouteRule} cors_policy part ({@code TestValidateRouteAndIngressRule}
 * "valid cors policy", "cors policy invalid allow headers", "… expose headers", "invalid cors policy bad
 * max age", "… invalid max age", "… bad allow method", "… bad allow method 2").
 */
class CorsPolicyRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.CORS_POLICY;

    @Test
    void validPolicyIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  corsPolicy:
                    allowOrigin: [http://foo.example]
                    allowMethods: [POST, GET, OPTIONS]
                    allowHeaders: [content-type]
                    exposeHeaders: [x-custom-header]
                    maxAge: 300s
                    allowCredentials: true
                """), CODE)).isEmpty();
    }

    @Test
    void upperCaseHeaderNamesAreReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  corsPolicy:
                    allowHeaders: [Content-Type]
                    exposeHeaders:
                    - X-Custom-Header
                """), CODE)).containsExactly(
                finding(CODE, 9, "must be in lower case"),
                finding(CODE, 11, "must be in lower case"));
    }

    @Test
    void subSecondMaxAgeIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  corsPolicy:
                    maxAge: 1ms
                """), CODE)).containsExactly(finding(CODE, 9, "max_age duration is accurate only to seconds precision"));
    }

    @Test
    void tooShortMaxAgeIsReportedTwice() {
        assertThat(findings(LegacyYaml.routeRule("""
                  cors_policy:
                    max_age: 100ns
                """), CODE)).containsExactly(
                finding(CODE, 9, "duration must be greater than 1ms"),
                finding(CODE, 9, "max_age duration is accurate only to seconds precision"));
    }

    @Test
    void unsupportedOrLowerCaseMethodIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  corsPolicy:
                    allowMethods: [POST, UNSUPPORTED, get]
                """), CODE)).containsExactly(
                finding(CODE, 9, "\"UNSUPPORTED\" is not a supported HTTP method"),
                finding(CODE, 9, "\"get\" is not a supported HTTP method"));
    }
}
