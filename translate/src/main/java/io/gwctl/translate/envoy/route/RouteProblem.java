package io.gwctl.translate.envoy.route;

import java.util.Objects;

/**
 * Something in a VirtualService route that would make Envoy reject the route configuration pilot builds from it
 * (an empty weighted cluster list, a pattern RE2 does not accept).
 *
 * @param path    the field it comes from, e.g. {@code spec.http[0].match[1].uri.regex}
 * @param message what Envoy would object to
 */
public record RouteProblem(String path, String message) {

    public RouteProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
