package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How a request header (or the special headers {@code uri}, {@code scheme}, {@code method},
 * {@code authority}) is matched ({@code StringMatch} in route_rule.proto). A proto {@code oneof}: exactly
 * one member is meant to be set; an empty string is still "set".
 *
 * @param exact  exact value, or null
 * @param prefix prefix, or null
 * @param regex  ECMAscript-style regular expression, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StringMatch(String exact, String prefix, String regex) {

    /** The members of the {@code match_type} oneof. */
    public enum Type {
        EXACT,
        PREFIX,
        REGEX
    }

    /** Which member is set; {@code null} when none is (when several are, the first of exact, prefix, regex). */
    public Type type() {
        if (exact != null) {
            return Type.EXACT;
        }
        if (prefix != null) {
            return Type.PREFIX;
        }
        return regex != null ? Type.REGEX : null;
    }

    /** The value of the member that is set, or null. */
    public String value() {
        Type t = type();
        if (t == null) {
            return null;
        }
        return switch (t) {
            case EXACT -> exact;
            case PREFIX -> prefix;
            case REGEX -> regex;
        };
    }
}
