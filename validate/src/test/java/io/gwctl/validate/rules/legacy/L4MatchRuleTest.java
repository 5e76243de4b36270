package io.gwctl.validate.rules.legacy;

import static io.gwctl.validate.rules.legacy.LegacyYaml.finding;
import static io.gwctl.validate.rules.legacy.LegacyYaml.findings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Istio 0.8 {@code ValidateMatchCondition}, {@code ValidateL4MatchAttributes} and
 * {@code ValidateIPv4Subnet} ({@code TestValidateRouteAndIngressRule} "route rule match valid subnets" and
 * "route rule match invalid subnets").
 */
class L4MatchRuleTest {

    private static final LegacyCodes CODE = LegacyCodes.MATCH_L4;

    @Test
    void ipv4AddressesAndBlocksAreAccepted() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    tcp:
                      sourceSubnet: [1.2.3.4]
                      destinationSubnet: [1.2.3.4/24]
                """), CODE)).isEmpty();
    }

    @Test
    void badSubnetsAreReportedEach() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    tcp:
                      source_subnet:
                      - foo
                      - 1.2.3.4/banana
                      destinationSubnet:
                      - 2001:db8::1
                      - 2001:db8::/32
                """), CODE)).containsExactly(
                finding(CODE, 11, "foo is not a valid IP"),
                finding(CODE, 12, "1.2.3.4/banana is not a valid CIDR block"),
                finding(CODE, 14, "2001:db8::1 is not a valid IPv4 address"),
                finding(CODE, 15, "2001:db8::/32 is not a valid IPv4 address"));
    }

    @Test
    void udpMatchIsReportedAsUnsupported() {
        assertThat(findings(LegacyYaml.routeRule("""
                  match:
                    udp:
                      sourceSubnet: [1.2.3]
                """), CODE)).containsExactly(
                finding(CODE, 9, "UDP protocol not supported yet"),
                finding(CODE, 10, "1.2.3 is not a valid IP"));
    }
}
