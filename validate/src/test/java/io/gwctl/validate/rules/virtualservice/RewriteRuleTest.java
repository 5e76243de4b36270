package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPRewrite}, {@code validateURIRegexRewrite}; cases after validation_test.go
 * {@code TestValidateHTTPRewrite}, {@code TestValidateUriRegexRewrite}.
 */
class RewriteRuleTest {

    private static String rewrite(String rewrite) {
        return """
                hosts: [reviews.example.com]
                http:
                - rewrite:
                    %s
                  route:
                  - destination: {host: reviews}
                """.formatted(rewrite);
    }

    @Test
    void validRewritesAreAccepted() {
        for (String rewrite : new String[] {
            "{uri: /new}",
            "{authority: b.com}",
            "{uriRegexRewrite: {match: \"^/service/([^/]+)(/.*)$\", rewrite: \"\\\\2/instance/\\\\1\"}}"}) {
            assertNone(rewrite(rewrite), VirtualServiceCodes.REWRITE);
            assertNone(rewrite(rewrite), VirtualServiceCodes.REGEX);
        }
    }

    @Test
    void uriAndUriRegexRewriteExcludeEachOther() {
        assertOne(rewrite("{uri: /new, uriRegexRewrite: {match: a, rewrite: b}}"), VirtualServiceCodes.REWRITE, 3,
                "rewrite may only contain one of URI or UriRegexRewrite");
    }

    @Test
    void anEmptyRewriteIsReported() {
        assertOne(rewrite("{}"), VirtualServiceCodes.REWRITE, 3, "rewrite must specify at least one of URI, UriRegexRewrite, "
                + "or authority. Only one of URI or UriRegexRewrite may be specified");
    }

    @Test
    void anIncompleteRegexRewriteIsReported() {
        assertOne(rewrite("{uriRegexRewrite: {match: \"^/a\"}}"), VirtualServiceCodes.REWRITE, 4,
                "UriRegexRewrite requires both Rewrite and Match fields to be specified");
    }

    @Test
    void anInvalidRegexRewriteMatchIsReported() {
        assertOne(rewrite("{uriRegexRewrite: {match: \"^/(a\", rewrite: /b}}"), VirtualServiceCodes.REGEX, 4,
                "\"HTTPRewrite.UriRegexRewrite.Match\": error parsing regexp: missing closing ): `^/(a`; Istio uses RE2 "
                        + "style regex-based match (https://github.com/google/re2/wiki/Syntax)");
    }
}
