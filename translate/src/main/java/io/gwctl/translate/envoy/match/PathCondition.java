package io.gwctl.translate.envoy.match;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.Locale;

/**
 * A route's compiled path specifier, as envoyproxy/envoy {@code source/common/router/config_impl.cc}
 * ({@code PrefixRouteEntryImpl}, {@code PathRouteEntryImpl}, {@code RegexRouteEntryImpl},
 * {@code PathSeparatedPrefixRouteEntryImpl}) applies it: {@code prefix} against the path with its query,
 * {@code path}, {@code safe_regex} and {@code path_separated_prefix} against the path without it (cut at
 * {@code ?} or {@code #}); {@code case_sensitive: false} compares ignoring case, and a regex is an RE2 full
 * match. Other specifiers match nothing.
 */
final class PathCondition {

    private final RouteMatch.PathSpecifierCase kind;
    private final String value;
    private final boolean caseSensitive;
    private final Pattern pattern;

    PathCondition(RouteMatch match) {
        this.kind = match.getPathSpecifierCase();
        this.caseSensitive = !match.hasCaseSensitive() || match.getCaseSensitive().getValue();
        this.value = switch (kind) {
            case PREFIX -> match.getPrefix();
            case PATH -> match.getPath();
            case SAFE_REGEX -> match.getSafeRegex().getRegex();
            case PATH_SEPARATED_PREFIX -> match.getPathSeparatedPrefix();
            default -> "";
        };
        this.pattern = kind == RouteMatch.PathSpecifierCase.SAFE_REGEX ? Regexes.compile(value) : null;
    }

    boolean matches(String fullPath) {
        return switch (kind) {
            case PREFIX -> fullPath.regionMatches(!caseSensitive, 0, value, 0, value.length());
            case PATH -> {
                int end = pathEnd(fullPath);
                yield end == value.length() && fullPath.regionMatches(!caseSensitive, 0, value, 0, end);
            }
            case SAFE_REGEX -> Regexes.fullMatch(pattern, fullPath.substring(0, pathEnd(fullPath)));
            case PATH_SEPARATED_PREFIX -> {
                int end = pathEnd(fullPath);
                yield end >= value.length() && fullPath.regionMatches(!caseSensitive, 0, value, 0, value.length())
                        && (end == value.length() || fullPath.charAt(value.length()) == '/');
            }
            default -> false;
        };
    }

    /** Why the path does not match, as the trace words it. */
    String mismatch(String fullPath) {
        String path = fullPath.substring(0, pathEnd(fullPath));
        return switch (kind) {
            case PREFIX -> "prefix " + value + " does not match path " + fullPath;
            case PATH -> "path " + value + " does not equal " + path;
            case SAFE_REGEX -> "regex " + value + " does not match " + path;
            case PATH_SEPARATED_PREFIX -> "path_separated_prefix " + value + " does not match " + path;
            default -> "path matcher " + kind.name().toLowerCase(Locale.ROOT) + " is not supported by the trace";
        };
    }

    /** Where the path ends and its query or fragment begins. */
    private static int pathEnd(String fullPath) {
        int end = fullPath.length();
        int q = fullPath.indexOf('?');
        int f = fullPath.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (f >= 0 && f < end) {
            end = f;
        }
        return end;
    }
}
