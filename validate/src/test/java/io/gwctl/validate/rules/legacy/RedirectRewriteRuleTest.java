package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateRouteRule}, redirect and rewrite part ({@code TestValidateRouteAndIngressRule}
 * "route rule match invalid redirect", "websocket upgrade invalid redirect", "route rule match invalid
 * rewrite", "route rule match rewrite and redirect").
 */
class RedirectRewriteRuleTest {

    private static final LegacyCodes CONFLICT = LegacyCodes.REDIRECT_CONFLICT;
    private static final LegacyCodes EMPTY = LegacyCodes.EMPTY_REDIRECT_OR_REWRITE;

    @Test
    void redirectAloneIsAccepted() {
        String yaml = LegacyYaml.routeRule("""
                  redirect:
                    uri: /new/path
                    authority: b
                """);
        assertThat(findings(yaml, CONFLICT)).isEmpty();
        assertThat(findings(yaml, EMPTY)).isEmpty();
    }

    @Test
    void rewriteWithHostIsAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  rewrite:
                    authority: foo.bar.com
                """), EMPTY)).isEmpty();
    }

    @Test
    void emptyRedirectAndRewriteAreReported() {
        String yaml = LegacyYaml.routeRule("""
                  redirect: {}
                  rewrite: {}
                """);
        assertThat(findings(yaml, EMPTY)).containsExactly(
                finding(EMPTY, 8, "redirect must specify path, host, or both"),
                finding(EMPTY, 9, "rewrite must specify path, host, or both"));
    }

    @Test
    void redirectWithRouteFaultRewriteOrWebsocketIsReported() {
        String yaml = LegacyYaml.routeRule("""
                  redirect:
                    uri: /new/path
                  route:
                  - labels:
                      version: v1
                  rewrite:
                    authority: foo.bar.com
                  httpFault:
                    abort:
                      percent: 10
                      httpStatus: 503
                  websocketUpgrade: true
                """);
        assertThat(findings(yaml, CONFLICT)).containsExactly(
                finding(CONFLICT, 10, "rule cannot contain both route and redirect"),
                finding(CONFLICT, 13, "rule cannot contain both rewrite and redirect"),
                finding(CONFLICT, 15, "rule cannot contain both fault and redirect"),
                finding(CONFLICT, 19, "WebSocket upgrade is not allowed on redirect rules"));
    }
}
