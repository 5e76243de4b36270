package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Istio {@code ValidateDestinationRule} → {@code agent.ValidateWildcardDomain}; cases after
 * {@code TestValidateDestinationRule} and {@code TestValidateWildcardDomain}.
 */
class HostRuleTest {

    private static String destinationRule(String host) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: "%s"
                """.formatted(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviews", "reviews.bookinfo.svc.cluster.local", "*.example.com", "*",
            "Reviews.Example.com", "reviews.default."})
    void namesAndWildcardDomainsAreAccepted(String host) {
        assertNone(destinationRule(host), DestinationRuleCodes.HOST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "foo.*.com        | domain name \"foo.*.com\" invalid (label \"*\" invalid)",
            "-reviews         | domain name \"-reviews\" invalid (label \"-reviews\" invalid)",
            "example.123      | domain name \"example.123\" invalid (top level domain \"123\" cannot be all-numeric)",
            "''               | empty domain name not allowed"})
    void invalidHostsAreReportedAtTheHost(String host, String message) {
        assertOne(destinationRule(host), DestinationRuleCodes.HOST, 6, message);
    }
}
