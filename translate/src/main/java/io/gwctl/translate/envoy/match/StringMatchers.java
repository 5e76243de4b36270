package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Locale;

/**
 * Envoy's {@code StringMatcher} (envoyproxy/envoy {@code source/common/common/matchers.cc}), shared by the
 * route matchers and the data plane's HTTP filters (CORS origins).
 */
public final class StringMatchers {

    private StringMatchers() {
    }

    /** Whether {@code value} satisfies {@code matcher} (an RE2 full match for {@code safe_regex}). */
    public static boolean matches(StringMatcher matcher, String value) {
        Pattern regex = matcher.hasSafeRegex() ? Regexes.compile(matcher.getSafeRegex().getRegex()) : null;
        return matches(matcher, regex, value);
    }

    /** The same, with the {@code safe_regex} already compiled (null when the regex is invalid or absent). */
    static boolean matches(StringMatcher matcher, Pattern regex, String value) {
        boolean ignoreCase = matcher.getIgnoreCase();
        return switch (matcher.getMatchPatternCase()) {
            case EXACT -> ignoreCase ? value.equalsIgnoreCase(matcher.getExact()) : value.equals(matcher.getExact());
            case PREFIX -> value.regionMatches(ignoreCase, 0, matcher.getPrefix(), 0, matcher.getPrefix().length());
            case SUFFIX -> {
                String suffix = matcher.getSuffix();
                yield value.length() >= suffix.length()
                        && value.regionMatches(ignoreCase, value.length() - suffix.length(), suffix, 0, suffix.length());
            }
            case CONTAINS -> ignoreCase
                    ? value.toLowerCase(Locale.ROOT).contains(matcher.getContains().toLowerCase(Locale.ROOT))
                    : value.contains(matcher.getContains());
            case SAFE_REGEX -> Regexes.fullMatch(regex, value);
            default -> false;
        };
    }
}
