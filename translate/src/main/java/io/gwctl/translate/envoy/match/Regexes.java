package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * RE2 regexes of a route configuration, compiled once. Envoy rejects a configuration with an invalid regex;
 * here the configuration is read as it is, and an invalid regex matches nothing.
 */
final class Regexes {

    private Regexes() {
    }

    /** The compiled regex, or null when it is not valid RE2. */
    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** A full match, as Envoy's {@code CompiledGoogleReMatcher}; a regex that did not compile matches nothing. */
    static boolean fullMatch(Pattern pattern, String value) {
        return pattern != null && pattern.matches(value);
    }
}
