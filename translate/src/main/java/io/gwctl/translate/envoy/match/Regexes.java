package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RE2 regexes as Envoy's {@code CompiledGoogleReMatcher} uses them: full matches, compiled once. An invalid
 * regex compiles to null and matches nothing (Envoy would have rejected the config; {@code gwctl validate}
 * says so).
 */
final class Regexes {

    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();
    private static final Pattern INVALID = Pattern.compile("$^");

    private Regexes() {
    }

    /** The compiled regex, or null when it is not valid RE2. */
    static Pattern compile(String regex) {
        Pattern p = CACHE.get(regex);
        if (p == null) {
            p = CACHE.computeIfAbsent(regex, r -> {
                try {
                    return Pattern.compile(r);
                } catch (PatternSyntaxException e) {
                    return INVALID;
                }
            });
        }
        return p == INVALID ? null : p;
    }

    static boolean fullMatch(Pattern pattern, String value) {
        return pattern != null && pattern.matches(value);
    }

    static boolean fullMatch(String regex, String value) {
        return fullMatch(compile(regex), value);
    }
}
