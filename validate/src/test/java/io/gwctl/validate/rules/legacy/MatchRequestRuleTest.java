package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateMatchCondition}, {@code ValidateHTTPHeaderName} and
 * {@code ValidateStringMatch}. Istio prefixed the inner error with "header name %q invalid: " plus a
 * space, hence the two spaces.
 */
class MatchRequestRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.MATCH_REQUEST;

    @Test
    void wellFormedHeaderMatchesAreAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        uri:
                          prefix: /api
                        cookie:
                          regex: "^(.*?;)?(user=jason)(;.*)?$"
                """), CODE)).isEmpty();
    }

    @Test
    void upperCaseHeaderNameIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        X-User:
                          exact: jason
                """), CODE)).containsExactly(
                finding(CODE, 11, "header name \"X-User\" invalid:  must be in lower case"));
    }

    @Test
    void emptyHeaderNameIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        "":
                          exact: jason
                """), CODE)).containsExactly(
                finding(CODE, 11, "header name \"\" invalid:  header name cannot be empty"));
    }

    @Test
    void matchWithoutTypeIsReported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        version: {}
                """), CODE)).containsExactly(
                finding(CODE, 11, "header \"version\" value invalid:  unrecognized string match \"\""));
    }

    @Test
    void emptyUriMatchIsReportedPerType() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        uri:
                          exact: ""
                """), CODE)).containsExactly(finding(CODE, 12, "exact header value for \"uri\" must be non-empty"));
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        uri:
                          prefix: ""
                """), CODE)).containsExactly(finding(CODE, 12, "prefix header value for \"uri\" must be non-empty"));
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    request:
                      headers:
                        uri:
                          regex: ""
                """), CODE)).containsExactly(finding(CODE, 12, "regex header value for \"uri\" must be non-empty"));
    }
}
