package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateTrafficPolicy} and {@code validatePortTrafficPolicies}; cases after
 * {@code TestValidateTrafficPolicy} and {@code TestValidatePortTrafficPolicies}.
 */
class TrafficPolicyRuleTest {

    /** A DestinationRule whose trafficPolicy body starts on line 8. */
    private static String destinationRule(String policy) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                """ + policy;
    }

    @Test
    void policyWithPortLevelSettingsIsAccepted() {
        String yaml = destinationRule("""
                    tunnel: {targetHost: reviews.example.com, targetPort: 8443}
                    portLevelSettings:
                    - port: {number: 9080}
                      loadBalancer: {simple: LEAST_REQUEST}
                """);
        assertNone(yaml, DestinationRuleCodes.TRAFFIC_POLICY_EMPTY, DestinationRuleCodes.TUNNEL_WITH_PROXY_PROTOCOL,
                DestinationRuleCodes.PORT_TRAFFIC_POLICY);
    }

    @Test
    void emptyPolicyIsReported() {
        assertOne(destinationRule("    {}\n"), DestinationRuleCodes.TRAFFIC_POLICY_EMPTY, 7,
                "traffic policy must have at least one field");
    }

    @Test
    void emptySubsetPolicyIsReported() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  subsets:
                  - name: v1
                    trafficPolicy: {}
                """;
        assertOne(yaml, DestinationRuleCodes.TRAFFIC_POLICY_EMPTY, 9, "traffic policy must have at least one field");
    }

    @Test
    void tunnelAndProxyProtocolExcludeEachOther() {
        String yaml = destinationRule("""
                    tunnel: {targetHost: reviews.example.com, targetPort: 8443}
                    proxyProtocol: {version: V2}
                """);
        assertOne(yaml, DestinationRuleCodes.TUNNEL_WITH_PROXY_PROTOCOL, 7,
                "tunnel and proxyProtocol must not be set together");
    }

    @Test
    void nullPortLevelPolicyIsReported() {
        assertOne(destinationRule("    portLevelSettings:\n    - null\n"), DestinationRuleCodes.PORT_TRAFFIC_POLICY, 9,
                "traffic policy may not be null");
    }

    @Test
    void portLevelPolicyNeedsAPort() {
        String yaml = destinationRule("""
                    portLevelSettings:
                    - loadBalancer: {simple: ROUND_ROBIN}
                """);
        assertOne(yaml, DestinationRuleCodes.PORT_TRAFFIC_POLICY, 9, "portTrafficPolicy must have valid port");
    }

    @Test
    void portLevelPolicyNeedsASetting() {
        String yaml = destinationRule("""
                    portLevelSettings:
                    - port: {number: 9080}
                """);
        assertOne(yaml, DestinationRuleCodes.PORT_TRAFFIC_POLICY, 9, "port traffic policy must have at least one field");
    }
}
