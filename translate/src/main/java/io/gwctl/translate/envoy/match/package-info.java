/**
 * Following a request through a gateway's Envoy config: {@link io.gwctl.translate.envoy.match.RequestMatcher}
 * decides, from Envoy v3 protos only, the listener, filter chain, route configuration, virtual host, route and
 * outcome Envoy would choose, with every step and why it matched or not.
 */
package io.gwctl.translate.envoy.match;
