package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Istio 0.8 {@code ValidateEgressRule}: "directing traffic through egress proxy is not implemented yet". */
class EgressProxyRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.EGRESS_PROXY;

    private static String egress(String proxy) {
        return """
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: google
                spec:
                  destination:
                    service: "*google.com"
                  ports:
                  - port: 443
                    protocol: https
                  use_egress_proxy: %s
                """.formatted(proxy);
    }

    @Test
    void noProxyIsAccepted() {
        assertThat(findings(egress("false"), CODE)).isEmpty();
    }

    @Test
    void proxyIsReportedAtTheFieldAsWritten() {
        assertThat(findings(egress("true"), CODE)).containsExactly(
                finding(CODE, 11, "directing traffic through egress proxy is not implemented yet"));
    }
}
