package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The spec of a RouteRule ({@code RouteRule} in route_rule.proto, fields 1 to 14): how requests to one
 * destination service are routed. Rules for the same destination are tried by descending
 * {@code precedence}.
 *
 * @param destination      the service whose traffic this rule routes (labels must be empty), or null
 * @param precedence       higher is tried first; any int32
 * @param match            when the rule applies, or null for always
 * @param route            weighted targets; empty to send everything to the destination
 * @param redirect         a redirect answer instead of a route, or null
 * @param rewrite          a rewrite of path and host before forwarding, or null
 * @param websocketUpgrade whether WebSocket upgrades are allowed
 * @param httpReqTimeout   request timeout, or null
 * @param httpReqRetries   retry policy, or null
 * @param httpFault        HTTP fault injection, or null
 * @param l4Fault          TCP fault injection (never implemented), or null
 * @param mirror           a service that receives a copy of each request, or null
 * @param corsPolicy       CORS settings, or null
 * @param appendHeaders    headers added to forwarded requests
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouteRuleSpec(
        IstioService destination,
        int precedence,
        MatchCondition match,
        List<DestinationWeight> route,
        HttpRedirect redirect,
        HttpRewrite rewrite,
        @JsonAlias("websocket_upgrade") boolean websocketUpgrade,
        @JsonAlias("http_req_timeout") HttpTimeout httpReqTimeout,
        @JsonAlias("http_req_retries") HttpRetry httpReqRetries,
        @JsonAlias("http_fault") HttpFaultInjection httpFault,
        @JsonAlias("l4_fault") L4FaultInjection l4Fault,
        IstioService mirror,
        @JsonAlias("cors_policy") CorsPolicy corsPolicy,
        @JsonAlias("append_headers") Map<String, String> appendHeaders) {

    /** The spec of a RouteRule that has none: every field at its default. */
    static final RouteRuleSpec EMPTY = new RouteRuleSpec(null, 0, null, null, null, null, false, null, null, null,
            null, null, null, null);

    public RouteRuleSpec {
        route = ProtoDefaults.list(route);
        appendHeaders = ProtoDefaults.map(appendHeaders);
    }
}
