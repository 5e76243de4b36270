package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertMessages;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code analyzeUnreachableHTTPRules}, {@code analyzeUnreachableTCPRules},
 * {@code analyzeUnreachableTLSRules}, {@code asJSON}, {@code genMatchHTTPRoutes}, {@code coveredValidation};
 * cases after validation_test.go {@code TestValidateVirtualService} ("non-method-get",
 * "uri-with-prefix-exact"). Istio's own analyzer data is run by {@link UnreachableRulesCorpusTest}.
 */
class UnreachableRulesRuleTest {

    private static String http(String rules) {
        return """
                hosts: [reviews.example.com]
                http:
                %s""".formatted(rules.indent(0));
    }

    @Test
    void distinctMatchesAndALastCatchAllAreAccepted() {
        String spec = http("""
                - match:
                  - uri: {exact: /a}
                  - uri: {exact: /b}
                  route:
                  - destination: {host: reviews}
                - route:
                  - destination: {host: reviews}
                """);
        assertNone(spec, VirtualServiceCodes.UNREACHABLE_RULE);
        assertNone(spec, VirtualServiceCodes.INEFFECTIVE_MATCH);
    }

    @Test
    void aSecondRuleWithoutMatchesIsUnreachable() {
        assertOne(http("""
                - route:
                  - destination: {host: reviews}
                - name: fallback
                  route:
                  - destination: {host: reviews}
                """), VirtualServiceCodes.UNREACHABLE_RULE, 5,
                "virtualService rule \"fallback\" not used (only the last rule can have no matches)");
    }

    @Test
    void everyMatchAfterARuleWithoutMatchesIsReported() {
        assertMessages(http("""
                - route:
                  - destination: {host: reviews}
                - match:
                  - uri: {prefix: /a}
                  - uri: {prefix: /b}
                  route:
                  - destination: {host: reviews}
                """), VirtualServiceCodes.UNREACHABLE_RULE,
                "virtualService rule #1 not used (route without matches defined before)",
                "virtualService rule #1 not used (route without matches defined before)");
    }

    @Test
    void aDuplicateMatchIsIneffectiveWhateverItsName() {
        String spec = http("""
                - name: first
                  match:
                  - name: api
                    uri: {prefix: /api}
                  route:
                  - destination: {host: reviews}
                - match:
                  - name: same-api
                    uri: {prefix: /api}
                    port: 0
                    ignoreUriCase: false
                  route:
                  - destination: {host: reviews}
                """);
        assertOne(spec, VirtualServiceCodes.INEFFECTIVE_MATCH, 10,
                "virtualService rule #1 match \"same-api\" is not used (duplicate/overlapping match in rule \"first\")");
        assertOne(spec, VirtualServiceCodes.UNREACHABLE_RULE, 9,
                "virtualService rule #1 not used (all matches used by prior rules)");
    }

    @Test
    void matchesThatDifferInAnyFieldAreNotDuplicates() {
        String spec = http("""
                - match:
                  - uri: {prefix: /api}
                    headers: {x-a: {exact: "1"}}
                  route:
                  - destination: {host: reviews}
                - match:
                  - uri: {prefix: /api}
                    headers: {x-a: {prefix: "1"}}
                  - uri: {prefix: /api}
                    headers: {x-a: {exact: "1"}}
                    ignoreUriCase: true
                  route:
                  - destination: {host: reviews}
                """);
        assertNone(spec, VirtualServiceCodes.UNREACHABLE_RULE);
        assertNone(spec, VirtualServiceCodes.INEFFECTIVE_MATCH);
    }

    @Test
    void aPrefixCoveredByAnEarlierPrefixIsIneffective() {
        assertOne(http("""
                - name: product
                  match:
                  - uri: {prefix: /api/v1/product}
                  route:
                  - destination: {host: reviews}
                - name: products
                  match:
                  - uri: {prefix: /api/v1/products}
                    method: {exact: GET}
                  route:
                  - destination: {host: reviews}
                """), VirtualServiceCodes.INEFFECTIVE_MATCH, 10,
                "virtualService rule \"products\" match #0 of prefix /api/v1/products is not used "
                        + "(duplicate/overlapping match in rule #0 of prefix /api/v1/product on \"product\")");
    }

    @Test
    void aLongerPrefixWithAnotherMethodOrAnExactUriIsNotCovered() {
        assertNone(http("""
                - match:
                  - uri: {prefix: /api}
                    method: {exact: GET}
                  - uri: {exact: /api/x}
                  route:
                  - destination: {host: reviews}
                - match:
                  - uri: {prefix: /api/v1}
                    method: {exact: POST}
                  route:
                  - destination: {host: reviews}
                """), VirtualServiceCodes.INEFFECTIVE_MATCH);
    }

    @Test
    void tcpAndTlsRulesAreAnalysedByIndex() {
        String spec = """
                hosts: [a.example.com]
                tls:
                - match:
                  - sniHosts: [a.example.com]
                    port: 443
                  route:
                  - destination: {host: a}
                - match:
                  - port: 443
                    sniHosts: [a.example.com]
                  route:
                  - destination: {host: b}
                """;
        assertOne(spec, VirtualServiceCodes.INEFFECTIVE_MATCH, 9,
                "virtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0)");
        assertOne(spec, VirtualServiceCodes.UNREACHABLE_RULE, 8,
                "virtualService rule #1 not used (all matches used by prior rules)");
    }
}
