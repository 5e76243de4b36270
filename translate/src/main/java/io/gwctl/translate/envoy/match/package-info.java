/**
 * Following a request through a gateway's Envoy config: {@link io.gwctl.translate.envoy.match.RequestMatcher}
 * decides, from Envoy v3 protos only, the listener, filter chain, route configuration, virtual host, route and
 * outcome Envoy would choose, with every step and why it matched or not.
 *
 * <p>The virtual host and route are chosen by {@link io.gwctl.translate.envoy.match.RouteTable}, a route
 * configuration compiled once (domains indexed, regexes compiled) that the embedded data plane routes every
 * request with, reading requests through {@link io.gwctl.translate.envoy.match.HttpRequestView}. The trace adds
 * only the explanations, so it and the data plane cannot decide differently.
 */
package io.gwctl.translate.envoy.match;
