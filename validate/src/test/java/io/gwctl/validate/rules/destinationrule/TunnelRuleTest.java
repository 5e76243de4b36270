package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Istio {@code validateTunnelSettings}; cases after {@code TestValidateTrafficPolicy} (tunnel). */
class TunnelRuleTest {

    /** A DestinationRule whose tunnel body is on line 9. */
    private static String destinationRule(String tunnel) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    tunnel:
                      %s
                """.formatted(tunnel);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{targetHost: egress.example.com, targetPort: 8443}",
            "{protocol: POST, targetHost: 10.0.0.1, targetPort: 443}",
            "{protocol: CONNECT, targetHost: \"2001:db8::1\", targetPort: 443}"})
    void tunnelToAHostAndPortIsAccepted(String tunnel) {
        assertNone(destinationRule(tunnel), DestinationRuleCodes.TUNNEL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{protocol: GET, targetHost: egress.example.com, targetPort: 443}' "
                    + "| tunnel protocol must be \"CONNECT\" or \"POST\"",
            "'{targetHost: \"egress_1.example.com\", targetPort: 443}' "
                    + "| tunnel target host must be valid FQDN or IP address: domain name \"egress_1.example.com\" "
                    + "invalid (label \"egress_1\" invalid); egress_1.example.com is not a valid IP",
            "'{targetHost: egress.example.com, targetPort: 0}' "
                    + "| tunnel target port is invalid: port number 0 must be in the range 1..65535"})
    void badTunnelIsReported(String tunnel, String message) {
        assertOne(destinationRule(tunnel), DestinationRuleCodes.TUNNEL, 9, message);
    }
}
