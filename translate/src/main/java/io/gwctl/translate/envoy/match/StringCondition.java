package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Locale;

/**
 * A compiled {@code StringMatcher} (envoyproxy/envoy {@code source/common/common/matchers.h},
 * {@code StringMatcherImpl}): exact, prefix, suffix, contains or an RE2 full match. With {@code ignore_case}
 * both sides compare lower-cased; a regex ignores {@code ignore_case}. A matcher of another kind matches
 * nothing.
 */
final class StringCondition {

    private enum Kind { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX, NEVER }

    private final Kind kind;
    /** The operand, lower-cased when {@code ignoreCase}. */
    private final String operand;
    private final boolean ignoreCase;
    private final Pattern pattern;

    private StringCondition(Kind kind, String operand, boolean ignoreCase, Pattern pattern) {
        this.kind = kind;
        this.ignoreCase = ignoreCase;
        this.operand = ignoreCase ? operand.toLowerCase(Locale.ROOT) : operand;
        this.pattern = pattern;
    }

    static StringCondition of(StringMatcher matcher) {
        boolean ignoreCase = matcher.getIgnoreCase();
        return switch (matcher.getMatchPatternCase()) {
            case EXACT -> new StringCondition(Kind.EXACT, matcher.getExact(), ignoreCase, null);
            case PREFIX -> new StringCondition(Kind.PREFIX, matcher.getPrefix(), ignoreCase, null);
            case SUFFIX -> new StringCondition(Kind.SUFFIX, matcher.getSuffix(), ignoreCase, null);
            case CONTAINS -> new StringCondition(Kind.CONTAINS, matcher.getContains(), ignoreCase, null);
            case SAFE_REGEX -> regex(matcher.getSafeRegex().getRegex());
            default -> new StringCondition(Kind.NEVER, "", false, null);
        };
    }

    static StringCondition exact(String value) {
        return new StringCondition(Kind.EXACT, value, false, null);
    }

    static StringCondition prefix(String value) {
        return new StringCondition(Kind.PREFIX, value, false, null);
    }

    static StringCondition suffix(String value) {
        return new StringCondition(Kind.SUFFIX, value, false, null);
    }

    static StringCondition contains(String value) {
        return new StringCondition(Kind.CONTAINS, value, false, null);
    }

    static StringCondition regex(String regex) {
        return new StringCondition(Kind.REGEX, regex, false, Regexes.compile(regex));
    }

    boolean matches(String value) {
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return switch (kind) {
            case EXACT -> v.equals(operand);
            case PREFIX -> v.startsWith(operand);
            case SUFFIX -> v.endsWith(operand);
            case CONTAINS -> v.contains(operand);
            case REGEX -> Regexes.fullMatch(pattern, value);
            case NEVER -> false;
        };
    }
}
