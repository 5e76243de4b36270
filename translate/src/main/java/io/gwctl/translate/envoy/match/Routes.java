package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.util.Locale;

/** How the trace names routes and their matchers in its steps. */
final class Routes {

    private Routes() {
    }

    /** The route's name, or its path match when it has none. */
    static String describe(Route route) {
        if (!route.getName().isEmpty()) {
            return route.getName();
        }
        RouteMatch m = route.getMatch();
        return switch (m.getPathSpecifierCase()) {
            case PREFIX -> "prefix " + m.getPrefix();
            case PATH -> "path " + m.getPath();
            case SAFE_REGEX -> "regex " + m.getSafeRegex().getRegex();
            case PATH_SEPARATED_PREFIX -> "path_separated_prefix " + m.getPathSeparatedPrefix();
            default -> m.getPathSpecifierCase().name().toLowerCase(Locale.ROOT);
        };
    }

    static String describe(HeaderMatcher header) {
        String what = switch (header.getHeaderMatchSpecifierCase()) {
            case EXACT_MATCH -> "exact " + header.getExactMatch();
            case SAFE_REGEX_MATCH -> "regex " + header.getSafeRegexMatch().getRegex();
            case RANGE_MATCH -> "range [" + header.getRangeMatch().getStart() + ", " + header.getRangeMatch().getEnd() + ")";
            case PRESENT_MATCH -> "present " + header.getPresentMatch();
            case PREFIX_MATCH -> "prefix " + header.getPrefixMatch();
            case SUFFIX_MATCH -> "suffix " + header.getSuffixMatch();
            case CONTAINS_MATCH -> "contains " + header.getContainsMatch();
            case STRING_MATCH -> describe(header.getStringMatch());
            case HEADERMATCHSPECIFIER_NOT_SET -> "present";
        };
        return (header.getInvertMatch() ? "not " : "") + what;
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
