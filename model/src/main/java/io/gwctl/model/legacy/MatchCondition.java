package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * When a RouteRule applies ({@code MatchCondition} in route_rule.proto): all the conditions that are
 * set must hold.
 *
 * @param source  the calling service (and version labels), or null for any caller
 * @param tcp     TCP connection attributes, or null
 * @param udp     UDP connection attributes (never supported by Istio), or null
 * @param request HTTP request attributes, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchCondition(IstioService source, L4MatchAttributes tcp, L4MatchAttributes udp, MatchRequest request) {
}
