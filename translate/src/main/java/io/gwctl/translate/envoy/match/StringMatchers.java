package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;

/** Envoy's {@code StringMatcher} evaluation, shared by the route matchers and the data plane's HTTP filters. */
public final class StringMatchers {

    private StringMatchers() {
    }

    /** Whether {@code value} satisfies {@code matcher} (RE2 full match for {@code safe_regex}). */
    public static boolean matches(StringMatcher matcher, String value) {
        return Routes.stringMatches(matcher, value);
    }
}
