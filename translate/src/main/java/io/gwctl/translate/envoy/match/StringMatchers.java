package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Envoy's {@code StringMatcher} for the data plane's HTTP filters (CORS origins), evaluated by the same
 * {@link StringCondition} the route matchers use, each matcher compiled once.
 */
public final class StringMatchers {

    private static final ConcurrentHashMap<StringMatcher, StringCondition> COMPILED = new ConcurrentHashMap<>();

    private StringMatchers() {
    }

    /** Whether {@code value} satisfies {@code matcher} (an RE2 full match for {@code safe_regex}). */
    public static boolean matches(StringMatcher matcher, String value) {
        StringCondition condition = COMPILED.get(matcher);
        if (condition == null) {
            condition = COMPILED.computeIfAbsent(matcher, StringCondition::of);
        }
        return condition.matches(value);
    }
}
