package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRouteMatchRequest}, {@code validateTLSMatch}, {@code validateTCPMatch}: match ports
 * ({@code agent.ValidatePort}), source labels ({@code labels.Instance.Validate}), source namespace, and
 * destination subnets ({@code agent.ValidateIPSubnet}).
 */
class MatchAttributesRuleTest {

    private static String http(String match) {
        return """
                hosts: [reviews.example.com]
                http:
                - match:
                  - %s
                  route:
                  - destination: {host: reviews}
                """.formatted(match);
    }

    private static String tcp(String match) {
        return """
                hosts: [db.example.com]
                tcp:
                - match:
                  - %s
                  route:
                  - destination: {host: db}
                """.formatted(match);
    }

    @Test
    void validAttributesAreAccepted() {
        String spec = http("{port: 8080, sourceNamespace: Team-a, sourceLabels: {app.kubernetes.io/name: reviews, version: \"\"}}");
        assertNone(spec, VirtualServiceCodes.MATCH_PORT);
        assertNone(spec, VirtualServiceCodes.MATCH_SOURCE);
        assertNone(tcp("{destinationSubnets: [10.0.0.0/8, 10.1.2.3, \"2001:db8::/32\"]}"), VirtualServiceCodes.DESTINATION_SUBNET);
    }

    @Test
    void aPortOutOfRangeIsReported() {
        assertOne(http("{port: 70000}"), VirtualServiceCodes.MATCH_PORT, 4,
                "port number 70000 must be in the range 1..65535");
        assertOne(tcp("{port: 65536}"), VirtualServiceCodes.MATCH_PORT, 4,
                "port number 65536 must be in the range 1..65535");
    }

    @Test
    void anInvalidSourceNamespaceIsReported() {
        assertOne(http("{sourceNamespace: team.a}"), VirtualServiceCodes.MATCH_SOURCE, 4,
                "sourceNamespace match team.a is invalid");
    }

    @Test
    void invalidSourceLabelsAreReported() {
        assertMessages(http("{sourceLabels: {\"-app\": x, version: \"v1 beta\", " + "n".repeat(64) + ": y}}"),
                VirtualServiceCodes.MATCH_SOURCE,
                "invalid tag key: \"-app\"",
                "invalid tag value: \"v1 beta\"",
                "invalid tag key: \"" + "n".repeat(64) + "\" (name is too long)");
    }

    @Test
    void aLabelKeyPrefixLongerThan253IsReported() {
        String prefix = ("a".repeat(60) + ".").repeat(4) + "abcdefghijk";
        assertOne(http("{sourceLabels: {\"" + prefix + "/app\": x}}"), VirtualServiceCodes.MATCH_SOURCE, 4,
                "invalid tag key: \"" + prefix + "/app\" (DNS prefix is too long)");
    }

    @Test
    void anInvalidSubnetIsReported() {
        assertOne(tcp("{destinationSubnets: [10.0.0.0/33]}"), VirtualServiceCodes.DESTINATION_SUBNET, 4,
                "10.0.0.0/33 is not a valid CIDR block");
    }

    @Test
    void anInvalidAddressIsReported() {
        assertOne("""
                hosts: [a.example.com]
                tls:
                - match:
                  - sniHosts: [a.example.com]
                    destinationSubnets: [10.0.0.256]
                  route:
                  - destination: {host: a}
                """, VirtualServiceCodes.DESTINATION_SUBNET, 5, "10.0.0.256 is not a valid IP");
    }
}
