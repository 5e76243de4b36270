package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.config.route.v3.HeaderMatcher;
import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.List;
import java.util.Locale;

/**
 * One route prepared for matching: regexes compiled and header names lower-cased once, so matching a request
 * allocates nothing but what reading its headers does. The data plane asks {@link #matches}; the trace asks
 * {@link #mismatch} for the reason, which is computed from the same checks.
 *
 * <p>Envoy's route matching (envoyproxy/envoy {@code source/common/router/config_impl.cc},
 * {@code RouteEntryImplBase::matchRoute} and the {@code *RouteEntryImpl} path matchers;
 * {@code source/common/http/header_utility.cc}, {@code HeaderUtility::matchHeaders}, with the values of a
 * repeated header joined by {@code ,}; {@code source/common/router/config_utility.cc},
 * {@code QueryParameterMatcher::matches}): headers, then query parameters, then the path. A {@code prefix}
 * matches the path with its query; {@code path}, {@code safe_regex} and {@code path_separated_prefix} the
 * path without it. {@code runtime_fraction} is not evaluated: the route is taken as matching.
 */
public final class CompiledRoute {

    /** {@link #failure} for a route that matches. */
    private static final int MATCHES = -1;
    /** {@link #failure} for a path that does not match (headers and query parameters come first). */
    private static final int PATH = Integer.MAX_VALUE;

    private final Route proto;
    private final int index;
    private final RouteMatch match;
    private final boolean caseSensitive;
    private final Pattern pathRegex;
    private final String[] headerNames;
    private final Pattern[] headerRegexes;
    private final Pattern[] queryRegexes;

    CompiledRoute(Route proto, int index) {
        this.proto = proto;
        this.index = index;
        this.match = proto.getMatch();
        this.caseSensitive = !match.hasCaseSensitive() || match.getCaseSensitive().getValue();
        this.pathRegex = match.hasSafeRegex() ? Regexes.compile(match.getSafeRegex().getRegex()) : null;
        List<HeaderMatcher> headers = match.getHeadersList();
        this.headerNames = new String[headers.size()];
        this.headerRegexes = new Pattern[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            HeaderMatcher h = headers.get(i);
            headerNames[i] = h.getName().toLowerCase(Locale.ROOT);
            if (h.hasSafeRegexMatch()) {
                headerRegexes[i] = Regexes.compile(h.getSafeRegexMatch().getRegex());
            } else if (h.hasStringMatch() && h.getStringMatch().hasSafeRegex()) {
                headerRegexes[i] = Regexes.compile(h.getStringMatch().getSafeRegex().getRegex());
            }
        }
        List<QueryParameterMatcher> query = match.getQueryParametersList();
        this.queryRegexes = new Pattern[query.size()];
        for (int i = 0; i < query.size(); i++) {
            if (query.get(i).getStringMatch().hasSafeRegex()) {
                queryRegexes[i] = Regexes.compile(query.get(i).getStringMatch().getSafeRegex().getRegex());
            }
        }
    }

    public Route proto() {
        return proto;
    }

    /** The route's position in its virtual host. */
    public int index() {
        return index;
    }

    public boolean matches(HttpRequestView request) {
        return failure(request) == MATCHES;
    }

    /** Why the route does not match {@code request}, as {@code proxy-config trace} says it, or null when it does. */
    public String mismatch(HttpRequestView request) {
        int failure = failure(request);
        if (failure == MATCHES) {
            return null;
        }
        if (failure == PATH) {
            return pathMismatch(request.path());
        }
        if (failure < headerNames.length) {
            HeaderMatcher h = match.getHeaders(failure);
            List<String> values = request.header(headerNames[failure]);
            return "header " + h.getName() + " " + Routes.describe(h) + " does not match "
                    + (values.isEmpty() ? "(absent)" : String.join(",", values));
        }
        return "query parameter " + match.getQueryParameters(failure - headerNames.length).getName()
                + " does not match";
    }

    /** {@link #MATCHES}, the index of the failing header matcher, headers + the failing query one, or {@link #PATH}. */
    private int failure(HttpRequestView request) {
        for (int i = 0; i < headerNames.length; i++) {
            if (!headerMatches(i, request)) {
                return i;
            }
        }
        if (queryRegexes.length > 0) {
            List<String[]> query = QueryStrings.parse(request.path());
            for (int i = 0; i < queryRegexes.length; i++) {
                if (!queryMatches(i, query)) {
                    return headerNames.length + i;
                }
            }
        }
        return pathMatches(request.path()) ? MATCHES : PATH;
    }

    private boolean pathMatches(String fullPath) {
        return switch (match.getPathSpecifierCase()) {
            case PREFIX -> fullPath.regionMatches(!caseSensitive, 0, match.getPrefix(), 0, match.getPrefix().length());
            case PATH -> {
                String path = QueryStrings.withoutQuery(fullPath);
                yield caseSensitive ? path.equals(match.getPath()) : path.equalsIgnoreCase(match.getPath());
            }
            case SAFE_REGEX -> Regexes.fullMatch(pathRegex, QueryStrings.withoutQuery(fullPath));
            case PATH_SEPARATED_PREFIX -> {
                String path = QueryStrings.withoutQuery(fullPath);
                String prefix = match.getPathSeparatedPrefix();
                yield path.regionMatches(!caseSensitive, 0, prefix, 0, prefix.length())
                        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
            }
            default -> false;
        };
    }

    private String pathMismatch(String fullPath) {
        String path = QueryStrings.withoutQuery(fullPath);
        return switch (match.getPathSpecifierCase()) {
            case PREFIX -> "prefix " + match.getPrefix() + " does not match path " + fullPath;
            case PATH -> "path " + match.getPath() + " does not equal " + path;
            case SAFE_REGEX -> "regex " + match.getSafeRegex().getRegex() + " does not match " + path;
            case PATH_SEPARATED_PREFIX -> "path_separated_prefix " + match.getPathSeparatedPrefix()
                    + " does not match " + path;
            default -> "path matcher " + match.getPathSpecifierCase().name().toLowerCase(Locale.ROOT)
                    + " is not supported by the trace";
        };
    }

    /**
     * Whether header matcher {@code i} accepts the request, as {@code HeaderUtility::matchHeaders} does. A
     * missing header (unless {@code treat_missing_header_as_empty}) matches only {@code present_match: false},
     * or, with {@code invert_match}, only an inverted {@code present_match: true}: an inverted value match
     * never matches a missing header. A legacy {@code exact_match} that is empty matches any value.
     */
    private boolean headerMatches(int i, HttpRequestView request) {
        HeaderMatcher header = match.getHeaders(i);
        List<String> values = request.header(headerNames[i]);
        boolean present = header.getHeaderMatchSpecifierCase() == HeaderMatcher.HeaderMatchSpecifierCase.PRESENT_MATCH;
        if (values.isEmpty() && !header.getTreatMissingHeaderAsEmpty()) {
            if (header.getInvertMatch()) {
                return present && header.getPresentMatch();
            }
            return present && !header.getPresentMatch();
        }
        String value = values.isEmpty() ? "" : values.size() == 1 ? values.get(0) : String.join(",", values);
        boolean matches = switch (header.getHeaderMatchSpecifierCase()) {
            case EXACT_MATCH -> header.getExactMatch().isEmpty() || value.equals(header.getExactMatch());
            case SAFE_REGEX_MATCH -> Regexes.fullMatch(headerRegexes[i], value);
            case RANGE_MATCH -> inRange(value, header.getRangeMatch().getStart(), header.getRangeMatch().getEnd());
            case PRESENT_MATCH -> header.getPresentMatch();
            case PREFIX_MATCH -> value.startsWith(header.getPrefixMatch());
            case SUFFIX_MATCH -> value.endsWith(header.getSuffixMatch());
            case CONTAINS_MATCH -> value.contains(header.getContainsMatch());
            case STRING_MATCH -> StringMatchers.matches(header.getStringMatch(), headerRegexes[i], value);
            case HEADERMATCHSPECIFIER_NOT_SET -> true;
        };
        return matches != header.getInvertMatch();
    }

    /**
     * A {@code query_parameters} entry: with {@code present_match} the parameter must be there; with
     * {@code string_match} its (decoded) value must match; with neither, presence is enough.
     */
    private boolean queryMatches(int i, List<String[]> query) {
        QueryParameterMatcher parameter = match.getQueryParameters(i);
        for (String[] pair : query) {
            if (!pair[0].equals(parameter.getName())) {
                continue;
            }
            if (parameter.hasStringMatch()) {
                return StringMatchers.matches(parameter.getStringMatch(), queryRegexes[i], pair[1]);
            }
            return true;
        }
        return false;
    }

    private static boolean inRange(String value, long start, long end) {
        try {
            long n = Long.parseLong(value);
            return n >= start && n < end;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
