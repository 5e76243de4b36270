package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Envoy's route matching within a virtual host: routes in order, the first whose path, headers and query
 * parameters all match wins. Follows envoyproxy/envoy {@code source/common/router/config_impl.cc}
 * ({@code RouteEntryImplBase::matchRoute}, {@code PrefixRouteEntryImpl}, {@code PathRouteEntryImpl},
 * {@code RegexRouteEntryImpl}, {@code PathSeparatedPrefixRouteEntryImpl}),
 * {@code source/common/http/header_utility.cc} ({@code HeaderUtility::matchHeaders}: values of a repeated
 * header joined with {@code ,}) and {@code source/common/router/config_utility.cc}
 * ({@code QueryParameterMatcher::matches}). A {@code prefix} matches against the path with its query;
 * {@code path}, {@code safe_regex} and {@code path_separated_prefix} against the path without it.
 * {@code runtime_fraction} is not evaluated (the route is taken as matching, and the step says so).
 */
final class Routes {

    private Routes() {
    }

    /** The first route that matches, or null; each route considered adds a step. */
    static Route select(List<Route> routes, TraceRequest request, List<String> steps) {
        for (Route route : routes) {
            String name = describe(route);
            String mismatch = mismatch(route.getMatch(), request);
            if (mismatch != null) {
                steps.add("route " + name + ": " + mismatch);
                continue;
            }
            String note = route.getMatch().hasRuntimeFraction()
                    ? " (runtime_fraction not evaluated: taken as matching)" : "";
            steps.add("route " + name + ": matches" + note);
            return route;
        }
        return null;
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

    /** Why the match fails, or null when it matches. */
    private static String mismatch(RouteMatch match, TraceRequest request) {
        for (HeaderMatcher header : match.getHeadersList()) {
            if (!headerMatches(header, request)) {
                return "header " + header.getName() + " " + describe(header) + " does not match "
                        + joined(request.header(header.getName()));
            }
        }
        List<String[]> query = query(request.path());
        for (QueryParameterMatcher parameter : match.getQueryParametersList()) {
            if (!queryMatches(parameter, query)) {
                return "query parameter " + parameter.getName() + " does not match";
            }
        }
        return pathMismatch(match, request.path());
    }

    private static String pathMismatch(RouteMatch match, String fullPath) {
        boolean caseSensitive = !match.hasCaseSensitive() || match.getCaseSensitive().getValue();
        String path = withoutQuery(fullPath);
        return switch (match.getPathSpecifierCase()) {
            case PREFIX -> startsWith(fullPath, match.getPrefix(), caseSensitive) ? null
                    : "prefix " + match.getPrefix() + " does not match path " + fullPath;
            case PATH -> (caseSensitive ? path.equals(match.getPath()) : path.equalsIgnoreCase(match.getPath()))
                    ? null : "path " + match.getPath() + " does not equal " + path;
            case SAFE_REGEX -> fullMatch(match.getSafeRegex().getRegex(), path) ? null
                    : "regex " + match.getSafeRegex().getRegex() + " does not match " + path;
            case PATH_SEPARATED_PREFIX -> separatedPrefix(path, match.getPathSeparatedPrefix(), caseSensitive)
                    ? null : "path_separated_prefix " + match.getPathSeparatedPrefix() + " does not match " + path;
            default -> "path matcher " + match.getPathSpecifierCase().name().toLowerCase(Locale.ROOT)
                    + " is not supported by the trace";
        };
    }

    private static boolean separatedPrefix(String path, String prefix, boolean caseSensitive) {
        if (!startsWith(path, prefix, caseSensitive)) {
            return false;
        }
        return path.length() == prefix.length() || path.charAt(prefix.length()) == '/';
    }

    private static boolean startsWith(String value, String prefix, boolean caseSensitive) {
        return value.regionMatches(!caseSensitive, 0, prefix, 0, prefix.length());
    }

    /**
     * Whether one header matcher accepts the request, as {@code HeaderUtility::matchHeaders} does. A missing
     * header (unless {@code treat_missing_header_as_empty}) matches only {@code present_match: false}, or, with
     * {@code invert_match}, only an inverted {@code present_match: true}: an inverted value match never
     * matches a missing header. A legacy {@code exact_match} that is empty matches any value.
     */
    static boolean headerMatches(HeaderMatcher header, TraceRequest request) {
        List<String> values = request.header(header.getName());
        boolean present = header.getHeaderMatchSpecifierCase() == HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH;
        if (values.isEmpty() && !header.getTreatMissingHeaderAsEmpty()) {
            if (header.getInvertMatch()) {
                return present && header.getPresentMatch();
            }
            return present && !header.getPresentMatch();
        }
        String value = values.isEmpty() ? "" : joined(values);
        boolean matches = switch (header.getHeaderMatchSpecifierCase()) {
            case EXACT_MATCH -> header.getExactMatch().isEmpty() || value.equals(header.getExactMatch());
            case SAFE_REGEX_MATCH -> fullMatch(header.getSafeRegexMatch().getRegex(), value);
            case RANGE_MATCH -> inRange(value, header.getRangeMatch().getStart(), header.getRangeMatch().getEnd());
            case PRESENT_MATCH -> header.getPresentMatch();
            case PREFIX_MATCH -> value.startsWith(header.getPrefixMatch());
            case SUFFIX_MATCH -> value.endsWith(header.getSuffixMatch());
            case CONTAINS_MATCH -> value.contains(header.getContainsMatch());
            case STRING_MATCH -> stringMatches(header.getStringMatch(), value);
            case HEADERMATCHSPECIFIER_NOT_SET -> true;
        };
        return matches != header.getInvertMatch();
    }

    private static boolean inRange(String value, long start, long end) {
        try {
            long n = Long.parseLong(value);
            return n >= start && n < end;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * A {@code query_parameters} entry: with {@code present_match} the parameter must be there; with
     * {@code string_match} its (decoded) value must match; with neither, presence is enough.
     */
    private static boolean queryMatches(QueryParameterMatcher parameter, List<String[]> query) {
        for (String[] pair : query) {
            if (!pair[0].equals(parameter.getName())) {
                continue;
            }
            if (parameter.hasStringMatch()) {
                return stringMatches(parameter.getStringMatch(), pair[1]);
            }
            return true;
        }
        return false;
    }

    static boolean stringMatches(StringMatcher matcher, String value) {
        boolean ignoreCase = matcher.getIgnoreCase();
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        return switch (matcher.getMatchPatternCase()) {
            case EXACT -> v.equals(ignoreCase ? matcher.getExact().toLowerCase(Locale.ROOT) : matcher.getExact());
            case PREFIX -> v.startsWith(ignoreCase ? matcher.getPrefix().toLowerCase(Locale.ROOT) : matcher.getPrefix());
            case SUFFIX -> v.endsWith(ignoreCase ? matcher.getSuffix().toLowerCase(Locale.ROOT) : matcher.getSuffix());
            case CONTAINS -> v.contains(ignoreCase ? matcher.getContains().toLowerCase(Locale.ROOT)
                    : matcher.getContains());
            case SAFE_REGEX -> fullMatch(matcher.getSafeRegex().getRegex(), value);
            default -> false;
        };
    }

    /** RE2 full match, as Envoy's {@code CompiledGoogleReMatcher}; an invalid regex matches nothing. */
    static boolean fullMatch(String regex, String value) {
        try {
            return Pattern.compile(regex).matches(value);
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String describe(HeaderMatcher header) {
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

    private static String joined(List<String> values) {
        return values.isEmpty() ? "(absent)" : String.join(",", values);
    }

    static String withoutQuery(String path) {
        int end = path.length();
        int q = path.indexOf('?');
        int f = path.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (f >= 0 && f < end) {
            end = f;
        }
        return path.substring(0, end);
    }

    /** The query's parameters in order, names and values URL-decoded. */
    private static List<String[]> query(String path) {
        List<String[]> pairs = new ArrayList<>();
        int q = path.indexOf('?');
        if (q < 0) {
            return pairs;
        }
        String query = path.substring(q + 1);
        int f = query.indexOf('#');
        if (f >= 0) {
            query = query.substring(0, f);
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {decode(name), decode(value)});
        }
        return pairs;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
