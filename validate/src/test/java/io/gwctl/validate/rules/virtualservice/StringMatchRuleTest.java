package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRouteMatchRequest}, {@code validateStringMatch}, {@code validateStringMatchRegexp},
 * {@code validateStringRegexp}; cases after validation_test.go {@code TestValidateHTTPRoute} ("empty prefix
 * header match", "invalid regex", "regex too large", "prefix uri match").
 */
class StringMatchRuleTest {

    private static String match(String match) {
        return """
                hosts: [reviews.example.com]
                http:
                - match:
                  - %s
                  route:
                  - destination: {host: reviews}
                """.formatted(match);
    }

    @Test
    void validMatchesAreAccepted() {
        String spec = match("{uri: {prefix: \"\"}, method: {exact: GET}, headers: {x-a: {regex: \"^v[0-9]+$\"}}, "
                + "withoutHeaders: {x-b: {regex: \"*\"}}, queryParams: {q: {prefix: a}}}");
        assertNone(spec, VirtualServiceCodes.REGEX);
        assertNone(spec, VirtualServiceCodes.EMPTY_PREFIX);
    }

    @Test
    void anInvalidRegexIsReportedWithTheRe2Error() {
        assertOne(match("{uri: {regex: \"(abc\"}}"), VirtualServiceCodes.REGEX, 4,
                "\"uri\": error parsing regexp: missing closing ): `(abc`; Istio uses RE2 style regex-based match "
                        + "(https://github.com/google/re2/wiki/Syntax)");
    }

    @Test
    void aPerlOnlyRegexIsReported() {
        assertOne(match("{headers: {x-a: {regex: \"a++\"}}}"), VirtualServiceCodes.REGEX, 4,
                "\"headers\": error parsing regexp: invalid nested repetition operator: `++`; Istio uses RE2 style "
                        + "regex-based match (https://github.com/google/re2/wiki/Syntax)");
    }

    @Test
    void anEmptyRegexIsReported() {
        assertOne(match("{authority: {regex: \"\"}}"), VirtualServiceCodes.REGEX, 4,
                "\"authority\": regex string match should not be empty");
    }

    @Test
    void aRegexLongerThan1024IsReported() {
        assertOne(match("{queryParams: {q: {regex: \"" + "a".repeat(1025) + "\"}}}"), VirtualServiceCodes.REGEX, 4,
                "\"queryParams\": regex is too large, max length allowed is 1024");
    }

    @Test
    void anEmptyPrefixOutsideTheUriIsReported() {
        assertOne(match("{scheme: {prefix: \"\"}}"), VirtualServiceCodes.EMPTY_PREFIX, 4,
                "\"scheme\": prefix string match should not be empty");
    }

    @Test
    void withoutHeadersRegexesOtherThanStarAreChecked() {
        assertOne(match("{withoutHeaders: {x-b: {regex: \"[\"}}}"), VirtualServiceCodes.REGEX, 4,
                "\"withoutHeaders\": error parsing regexp: missing closing ]: `[`; Istio uses RE2 style regex-based match "
                        + "(https://github.com/google/re2/wiki/Syntax)");
    }
}
