package io.gwctl.proxy.http;

import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.type.matcher.v3.StringMatcher;
import io.gwctl.translate.envoy.match.StringMatchers;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Envoy's CORS filter for one route's policy (envoyproxy/envoy {@code source/extensions/filters/http/cors/cors_filter.cc}):
 * a request whose {@code Origin} the policy allows is a CORS request; an {@code OPTIONS} one with
 * {@code Access-Control-Request-Method} is a preflight the gateway answers itself, and the response to any
 * other gets {@code Access-Control-Allow-Origin} and its companions. An origin the policy does not allow passes
 * through untouched.
 */
final class Cors {

    private Cors() {
    }

    /** The allowed origin of a CORS request, or null when the request is not one the policy allows. */
    static String allowedOrigin(CorsPolicy policy, HttpRequest request) {
        if (policy == null) {
            return null;
        }
        String origin = request.headers().get("origin");
        if (origin == null || origin.isEmpty()) {
            return null;
        }
        for (StringMatcher m : policy.getAllowOriginStringMatchList()) {
            if (StringMatchers.matches(m, "*") || StringMatchers.matches(m, origin)) {
                return origin;
            }
        }
        return null;
    }

    static boolean isPreflight(HttpRequest request) {
        String method = request.headers().get("access-control-request-method");
        return request.method().equals(HttpMethod.OPTIONS) && method != null && !method.isEmpty();
    }

    /** The headers of the 200 Envoy answers a preflight with. */
    static void preflight(CorsPolicy policy, String origin, HttpHeaders headers) {
        headers.set("access-control-allow-origin", origin);
        if (policy.hasAllowCredentials() && policy.getAllowCredentials().getValue()) {
            headers.set("access-control-allow-credentials", "true");
        }
        if (!policy.getAllowMethods().isEmpty()) {
            headers.set("access-control-allow-methods", policy.getAllowMethods());
        }
        if (!policy.getAllowHeaders().isEmpty()) {
            headers.set("access-control-allow-headers", policy.getAllowHeaders());
        }
        if (!policy.getMaxAge().isEmpty()) {
            headers.set("access-control-max-age", policy.getMaxAge());
        }
    }

    /** The headers added to the response of an allowed, non-preflight CORS request. */
    static void response(CorsPolicy policy, String origin, HttpHeaders headers) {
        headers.set("access-control-allow-origin", origin);
        if (policy.hasAllowCredentials() && policy.getAllowCredentials().getValue()) {
            headers.set("access-control-allow-credentials", "true");
        }
        if (!policy.getExposeHeaders().isEmpty()) {
            headers.set("access-control-expose-headers", policy.getExposeHeaders());
        }
    }
}
