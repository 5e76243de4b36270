/**
 * Conversion of Istio 0.x {@code config.istio.io/v1alpha2} routing (RouteRule, DestinationPolicy,
 * EgressRule) into {@code networking.istio.io/v1} objects; {@link io.gwctl.translate.legacy.RouteRuleConverter}
 * is the entry point.
 */
package io.gwctl.translate.legacy;
