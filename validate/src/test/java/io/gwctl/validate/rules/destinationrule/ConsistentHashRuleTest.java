package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Istio {@code validateLoadBalancer} (consistent hash); cases after {@code TestValidateLoadBalancer}. */
class ConsistentHashRuleTest {

    /** A DestinationRule whose consistentHash body starts on line 10. */
    private static String destinationRule(String hash) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  trafficPolicy:
                    loadBalancer:
                      consistentHash:
                """ + hash;
    }

    @Test
    void namedCookieAndRingHashAreAccepted() {
        String yaml = destinationRule("""
                        httpCookie: {name: session, ttl: 0s, attributes: [{name: SameSite, value: Strict}]}
                        ringHash: {minimumRingSize: 1024}
                """);
        assertNone(yaml, DestinationRuleCodes.CONSISTENT_HASH, DestinationRuleCodes.MINIMUM_RING_SIZE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 65537, 4999999})
    void primeMaglevTableSizesAreAccepted(int size) {
        assertNone(destinationRule("        maglev: {tableSize: " + size + "}\n"), DestinationRuleCodes.CONSISTENT_HASH);
    }

    @Test
    void cookieNeedsAName() {
        assertOne(destinationRule("        httpCookie: {ttl: 10s}\n"), DestinationRuleCodes.CONSISTENT_HASH, 10,
                "name required for HttpCookie");
    }

    @Test
    void cookieAttributeNeedsAName() {
        String yaml = destinationRule("""
                        httpCookie:
                          name: session
                          attributes:
                          - value: Strict
                """);
        assertOne(yaml, DestinationRuleCodes.CONSISTENT_HASH, 13, "cookie attribute name cannot be empty");
    }

    @Test
    void cookieAttributeNamesAreUnique() {
        String yaml = destinationRule("""
                        httpCookie:
                          name: session
                          attributes:
                          - name: SameSite
                          - name: SameSite
                """);
        assertOne(yaml, DestinationRuleCodes.CONSISTENT_HASH, 14, "duplicate cookie attribute name: SameSite");
    }

    @Test
    void minimumRingSizeIsDeprecated() {
        assertOne(destinationRule("        minimumRingSize: 1024\n"), DestinationRuleCodes.MINIMUM_RING_SIZE, 10,
                "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead");
    }

    @Test
    void minimumRingSizeExcludesAHashAlgorithm() {
        String yaml = destinationRule("""
                        minimumRingSize: 1024
                        maglev: {tableSize: 65537}
                """);
        assertOne(yaml, DestinationRuleCodes.CONSISTENT_HASH, 10,
                "only one of MinimumRingSize or Maglev/Ringhash can be specified");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1000     | tableSize must be a prime number for maglev",
            "5000011  | tableSize must be less than 5000011 for maglev"})
    void badMaglevTableSizeIsReported(long size, String message) {
        assertOne(destinationRule("        maglev:\n          tableSize: " + size + "\n"),
                DestinationRuleCodes.CONSISTENT_HASH, 11, message);
    }

    @Test
    void unsetMaglevTableSizeIsReportedAsUnsetAndNotPrime() {
        String yaml = destinationRule("        maglev: {}\n");
        assertThat(Validation.findings(yaml, DestinationRuleCodes.CONSISTENT_HASH))
                .extracting(d -> d.line() + " " + d.message())
                .containsExactlyInAnyOrder("10 tableSize must be set for maglev",
                        "10 tableSize must be a prime number for maglev");
    }
}
