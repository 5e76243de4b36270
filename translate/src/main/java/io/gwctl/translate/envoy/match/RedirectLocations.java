package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.RedirectAction;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;

/**
 * The {@code Location} and status Envoy sends for a route's {@code redirect} or a virtual host's
 * {@code require_tls}: the data plane's entry into the same code the trace uses.
 */
public final class RedirectLocations {

    private RedirectLocations() {
    }

    /** The {@code Location} for {@code request} redirected by {@code redirect} on a route matching {@code match}. */
    public static String location(RedirectAction redirect, RouteMatch match, HttpRequestView request) {
        return Redirects.location(redirect, match, request.host(), request.path(), request.tls());
    }

    /** The {@code Location} of the 301 Envoy sends when a virtual host requires TLS. */
    public static String httpsLocation(HttpRequestView request) {
        return location(RedirectAction.newBuilder().setHttpsRedirect(true).build(), RouteMatch.getDefaultInstance(),
                request);
    }

    public static int status(RedirectAction redirect) {
        return Redirects.status(redirect);
    }
}
