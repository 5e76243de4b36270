package io.gwctl.validate.rules.virtualservice;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.gwctl.validate.diagnostic.GoFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Regular expressions as Envoy runs them: RE2, checked with re2j (whose errors read like Go's
 * {@code regexp} errors Istio prints). Istio: {@code validateStringMatchRegexp}, {@code validateStringRegexp};
 * it caps the length at 1024 bytes as a stand-in for Envoy's RE2 program size limit.
 */
final class Regexes {

    private static final int MAX_LENGTH = 1024;

    private Regexes() {
    }

    /**
     * The regex of a string match: must not be empty, then {@link #check}.
     *
     * @param where the field named in the message ({@code uri}, {@code headers}…)
     */
    static Optional<String> checkMatch(String regex, String where) {
        if (regex.isEmpty()) {
            return Optional.of(GoFormat.quote(where) + ": regex string match should not be empty");
        }
        return check(regex, where);
    }

    /** Istio's message for a regex that is too long or does not compile as RE2, or empty when it is fine. */
    static Optional<String> check(String regex, String where) {
        if (regex.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of(GoFormat.quote(where) + ": regex is too large, max length allowed is 1024");
        }
        try {
            Pattern.compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(GoFormat.quote(where) + ": " + e.getMessage()
                    + "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)");
        }
    }
}
