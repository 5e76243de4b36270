package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import java.util.List;
import java.util.Locale;

/**
 * Why each route of a virtual host was or was not taken, for the trace. The choice itself is
 * {@link CompiledVirtualHost#route}'s; the routes before it say why they do not match
 * ({@link CompiledRoute#mismatch}). {@code runtime_fraction} is not evaluated, and the step says so.
 */
final class Routes {

    private Routes() {
    }

    /** The route {@link CompiledVirtualHost#route} takes, or null; each route considered adds a step. */
    static CompiledRoute select(CompiledVirtualHost virtualHost, HttpRequestView request, List<String> steps) {
        CompiledRoute chosen = virtualHost.route(request);
        for (CompiledRoute route : virtualHost.routes()) {
            String name = describe(route.proto());
            if (route == chosen) {
                String note = route.proto().getMatch().hasRuntimeFraction()
                        ? " (runtime_fraction not evaluated: taken as matching)" : "";
                steps.add("route " + name + ": matches" + note);
                break;
            }
            steps.add("route " + name + ": " + route.mismatch(request));
        }
        return chosen;
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
}
