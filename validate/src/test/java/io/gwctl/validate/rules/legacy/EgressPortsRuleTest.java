package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateEgressRule}, {@code ValidateEgressRulePort}, {@code ValidatePort} and the
 * protocol tables of {@code egress_rules.go} ({@code TestValidateEgressRule}: duplicate ports, CIDR with
 * an HTTP port).
 */
class EgressPortsRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.EGRESS_PORTS;

    private static String egress(String service, String ports) {
        return """
                apiVersion: config.istio.io/v1alpha2
                kind: EgressRule
                metadata:
                  name: cnn
                spec:
                  destination:
                    service: "%s"
                %s""".formatted(service, ports);
    }

    @Test
    void supportedProtocolsInAnyCaseAreAccepted() {
        assertThat(findings(egress("*cnn.com", """
                  ports:
                  - port: 80
                    protocol: http
                  - port: 443
                    protocol: HTTPS
                  - port: 27017
                    protocol: Mongo
                """), CODE)).isEmpty();
        assertThat(findings(egress("192.168.3.0/24", """
                  ports:
                  - port: 443
                    protocol: tcp
                """), CODE)).isEmpty();
    }

    @Test
    void missingPortsAreReported() {
        assertThat(findings(egress("cnn.com", ""), CODE)).containsExactly(
                finding(CODE, 5, "egress rule must have a ports list"));
        assertThat(findings(egress("cnn.com", "  ports: []\n"), CODE)).containsExactly(
                finding(CODE, 8, "egress rule must have a ports list"));
    }

    @Test
    void duplicateAndOutOfRangePortsAreReported() {
        assertThat(findings(egress("*cnn.com", """
                  ports:
                  - port: 80
                    protocol: http
                  - port: 80
                    protocol: https
                  - port: 0
                    protocol: http
                """), CODE)).containsExactly(
                finding(CODE, 11, "duplicate port: 80"),
                finding(CODE, 13, "port number 0 must be in the range 1..65535"));
    }

    @Test
    void unsupportedProtocolIsReported() {
        assertThat(findings(egress("*cnn.com", """
                  ports:
                  - port: 6379
                    protocol: redis
                """), CODE)).containsExactly(finding(CODE, 10,
                "egress rule support is available only for the following protocols: HTTP,HTTP2,GRPC,HTTPS,TCP,Mongo"));
    }

    @Test
    void httpPortOnABlockIsReported() {
        assertThat(findings(egress("192.168.3.0/24", """
                  ports:
                  - port: 80
                    protocol: tcp
                  - port: 443
                    protocol: http
                """), CODE)).containsExactly(finding(CODE, 12,
                "Only the following protocols can be defined for CIDR destination service notation: TCP,Mongo. "
                        + "This rule - port: 443 protocol: http destination.service: 192.168.3.0/24"));
    }
}
