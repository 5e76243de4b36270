package io.gwctl.proxy.http;

import com.google.re2j.Pattern;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A route's path rewrite, as Envoy's {@code RouteEntryImplBase::finalizePathHeader} and
 * {@code currentUrlPathAfterRewrite} (envoyproxy/envoy {@code source/common/router/config_impl.cc}):
 * {@code prefix_rewrite} replaces the part the route's prefix (or path) matched; {@code regex_rewrite}
 * substitutes on the path without its query, {@code \1} standing for a group, and keeps the query.
 */
final class PathRewrites {

    private static final ConcurrentHashMap<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private PathRewrites() {
    }

    /** The rewritten path, or null when the route rewrites nothing. */
    static String rewrite(RouteAction action, RouteMatch match, String path) {
        if (!action.getPrefixRewrite().isEmpty()) {
            String matched = switch (match.getPathSpecifierCase()) {
                case PREFIX -> match.getPrefix();
                case PATH -> match.getPath();
                case PATH_SEPARATED_PREFIX -> match.getPathSeparatedPrefix();
                default -> null;
            };
            if (matched == null) {
                return null;
            }
            return action.getPrefixRewrite() + path.substring(Math.min(matched.length(), path.length()));
        }
        if (action.hasRegexRewrite()) {
            int q = path.indexOf('?');
            String query = q < 0 ? "" : path.substring(q);
            String pathOnly = q < 0 ? path : path.substring(0, q);
            Pattern pattern;
            try {
                pattern = PATTERNS.computeIfAbsent(action.getRegexRewrite().getPattern().getRegex(), Pattern::compile);
            } catch (RuntimeException e) {
                return null;
            }
            String substitution = action.getRegexRewrite().getSubstitution().replaceAll("\\\\(\\d)", "\\$$1");
            return pattern.matcher(pathOnly).replaceAll(substitution) + query;
        }
        return null;
    }
}
