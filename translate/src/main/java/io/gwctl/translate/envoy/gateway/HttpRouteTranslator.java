package io.gwctl.translate.envoy.gateway;

import io.envoyproxy.envoy.config.route.v3.Route;
import io.gwctl.translate.envoy.route.HttpRouteInput;
import java.util.Optional;

/**
 * Turns one VirtualService HTTP route into an Envoy route (match and action); the gateway translation adds
 * the route's Istio metadata and places it in its virtual host. Empty when the route yields nothing.
 */
@FunctionalInterface
public interface HttpRouteTranslator {

    Optional<Route.Builder> translate(HttpRouteInput input);
}
