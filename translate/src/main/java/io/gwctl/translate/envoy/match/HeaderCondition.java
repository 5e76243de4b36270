package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.List;
import java.util.Locale;

/**
 * One compiled {@code headers} entry of a route's match, as envoyproxy/envoy
 * {@code source/common/http/header_utility.cc} ({@code HeaderUtility::matchHeaders}) applies it: the values of
 * a repeated header are joined with {@code ,}. A missing header (unless {@code treat_missing_header_as_empty})
 * matches only {@code present_match: false}, or, with {@code invert_match}, only an inverted
 * {@code present_match: true}: an inverted value match never matches a missing header. A legacy
 * {@code exact_match} that is empty matches any value, and a matcher without a specifier asks for presence.
 */
final class HeaderCondition {

    private enum Kind { VALUE, ANY_VALUE, RANGE, PRESENT }

    private final HeaderMatcher proto;
    private final String name;
    private final Kind kind;
    private final StringCondition value;
    /** Whether the specifier is {@code present_match}. */
    private final boolean presence;
    private final boolean presentMatch;
    private final boolean invert;
    private final boolean missingAsEmpty;

    HeaderCondition(HeaderMatcher proto) {
        this.proto = proto;
        this.name = proto.getName().toLowerCase(Locale.ROOT);
        this.presence = proto.getHeaderMatchSpecifierCase() == HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH;
        this.presentMatch = proto.getPresentMatch();
        this.invert = proto.getInvertMatch();
        this.missingAsEmpty = proto.getTreatMissingHeaderAsEmpty();
        this.value = switch (proto.getHeaderMatchSpecifierCase()) {
            case EXACT_MATCH -> proto.getExactMatch().isEmpty() ? null : StringCondition.exact(proto.getExactMatch());
            case SAFE_REGEX_MATCH -> StringCondition.regex(proto.getSafeRegexMatch().getRegex());
            case PREFIX_MATCH -> StringCondition.prefix(proto.getPrefixMatch());
            case SUFFIX_MATCH -> StringCondition.suffix(proto.getSuffixMatch());
            case CONTAINS_MATCH -> StringCondition.contains(proto.getContainsMatch());
            case STRING_MATCH -> StringCondition.of(proto.getStringMatch());
            default -> null;
        };
        this.kind = switch (proto.getHeaderMatchSpecifierCase()) {
            case RANGE_MATCH -> Kind.RANGE;
            case PRESENT_MATCH -> Kind.PRESENT;
            case HEADERMATCHSPECIFIER_NOT_SET -> Kind.ANY_VALUE;
            default -> value == null ? Kind.ANY_VALUE : Kind.VALUE;
        };
    }

    boolean matches(HttpRequestView request) {
        List<String> values = request.header(name);
        if (values.isEmpty() && !missingAsEmpty) {
            return presence && presentMatch == invert;
        }
        String joined = values.isEmpty() ? "" : values.size() == 1 ? values.get(0) : String.join(",", values);
        boolean matches = switch (kind) {
            case VALUE -> value.matches(joined);
            case ANY_VALUE -> true;
            case RANGE -> inRange(joined, proto.getRangeMatch().getStart(), proto.getRangeMatch().getEnd());
            case PRESENT -> presentMatch;
        };
        return matches != invert;
    }

    /** Why the header does not match, as the trace words it. */
    String mismatch(HttpRequestView request) {
        List<String> values = request.header(name);
        return "header " + proto.getName() + " " + describe() + " does not match "
                + (values.isEmpty() ? "(absent)" : String.join(",", values));
    }

    private static boolean inRange(String value, long start, long end) {
        try {
            long n = Long.parseLong(value);
            return n >= start && n < end;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String describe() {
        String what = switch (proto.getHeaderMatchSpecifierCase()) {
            case EXACT_MATCH -> "exact " + proto.getExactMatch();
            case SAFE_REGEX_MATCH -> "regex " + proto.getSafeRegexMatch().getRegex();
            case RANGE_MATCH -> "range [" + proto.getRangeMatch().getStart() + ", " + proto.getRangeMatch().getEnd() + ")";
            case PRESENT_MATCH -> "present " + proto.getPresentMatch();
            case PREFIX_MATCH -> "prefix " + proto.getPrefixMatch();
            case SUFFIX_MATCH -> "suffix " + proto.getSuffixMatch();
            case CONTAINS_MATCH -> "contains " + proto.getContainsMatch();
            case STRING_MATCH -> describe(proto.getStringMatch());
            case HEADERMATCHSPECIFIER_NOT_SET -> "present";
        };
        return (proto.getInvertMatch() ? "not " : "") + what;
    }

    private static String describe(StringMatcher m) {
        String what = switch (m.getMatchPatternCase()) {
            case EXACT -> "exact " + m.getExact();
            case PREFIX -> "prefix " + m.getPrefix();
            case SUFFIX -> "suffix " + m.getSuffix();
            case CONTAINS -> "contains " + m.getContains();
            case SAFE_REGEX -> "regex " + m.getSafeRegex().getRegex();
            default -> m.getMatchPatternCase().name().toLowerCase(Locale.ROOT);
        };
        return what + (m.getIgnoreCase() ? " (ignoring case)" : "");
    }
}
