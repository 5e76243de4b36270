package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code validateHTTPRedirect}; cases after validation_test.go {@code TestValidateHTTPRedirect}. */
class RedirectRuleTest {

    private static String redirect(String redirect) {
        return """
                hosts: [reviews.example.com]
                http:
                - match:
                  - uri: {prefix: /old}
                  redirect:
                    %s
                """.formatted(redirect);
    }

    @Test
    void validRedirectsAreAccepted() {
        for (String redirect : new String[] {
            "{uri: /new, authority: a.com, redirectCode: 308}",
            "{prefixRewrite: /new}",
            "{scheme: https}",
            "{port: 8443}",
            "{derivePort: FROM_REQUEST_PORT}"}) {
            assertNone(redirect(redirect), VirtualServiceCodes.REDIRECT);
        }
    }

    @Test
    void uriAndPrefixRewriteExcludeEachOther() {
        assertOne(redirect("{uri: /a, prefixRewrite: /b}"), VirtualServiceCodes.REDIRECT, 5,
                "redirect may only specify one of uri or prefix_rewrite");
    }

    @Test
    void prefixRewriteNeedsPrefixMatches() {
        assertOne("""
                hosts: [reviews.example.com]
                http:
                - match:
                  - uri: {exact: /old}
                  redirect:
                    prefixRewrite: /new
                """, VirtualServiceCodes.REDIRECT, 6, "redirect prefix_rewrite requires all URI matches to use prefix match type");
    }

    @Test
    void aRedirectThatChangesNothingIsReported() {
        assertOne(redirect("{redirectCode: 301}"), VirtualServiceCodes.REDIRECT, 5,
                "redirect must specify URI, authority, scheme, or port");
    }

    @Test
    void aCodeOutside3xxIsReported() {
        assertOne(redirect("{uri: /new, redirectCode: 200}"), VirtualServiceCodes.REDIRECT, 6,
                "200 is not a valid redirect code, must be 3xx");
    }

    @Test
    void aSchemeOtherThanHttpOrHttpsIsReported() {
        assertOne(redirect("{scheme: ftp}"), VirtualServiceCodes.REDIRECT, 6,
                "invalid redirect scheme, must be \"http\" or \"https\"");
    }

    @Test
    void aPortOutOfRangeIsReported() {
        assertOne(redirect("{port: 70000}"), VirtualServiceCodes.REDIRECT, 6,
                "port number 70000 must be in the range 1..65535");
    }
}
