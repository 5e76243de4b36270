package io.gwctl.validate.rules.legacy;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW07xx: legacy {@code config.istio.io} RouteRule, DestinationPolicy and EgressRule checks, after Istio
 * 0.8's {@code ValidateRouteRule}, {@code ValidateDestinationPolicy} and {@code ValidateEgressRule}
 * (pilot/pkg/model/validation.go at tag 0.8.0), with its messages.
 *
 * <p>No entry has an {@code istioctl analyze} code: Istio removed these kinds in 1.0, before analyze
 * existed, and today's istioctl does not read them.
 */
public enum LegacyCodes implements DiagnosticCode {
    NO_DESTINATION(CodeInfo.error("GW0701", null,
            "A RouteRule or DestinationPolicy has no destination service.")),
    SERVICE_REFERENCE(CodeInfo.error("GW0702", null,
            "A service reference (destination, source or mirror) is malformed: neither or both of name and"
                    + " service, a bad name, namespace, domain or label.")),
    DESTINATION_LABELS(CodeInfo.error("GW0703", null,
            "A RouteRule's destination has labels; versions are selected in route[].labels instead.")),
    MATCH_REQUEST(CodeInfo.error("GW0704", null,
            "A RouteRule header match has a bad header name, no match type, or an empty uri match.")),
    MATCH_L4(CodeInfo.error("GW0705", null,
            "A RouteRule TCP or UDP match has a bad subnet, or matches UDP, which Istio never supported.")),
    REDIRECT_CONFLICT(CodeInfo.error("GW0706", null,
            "A redirecting RouteRule also routes, injects faults, rewrites or upgrades WebSockets.")),
    EMPTY_REDIRECT_OR_REWRITE(CodeInfo.error("GW0707", null,
            "A RouteRule redirect or rewrite sets neither path nor host.")),
    ROUTE_WEIGHTS(CodeInfo.error("GW0708", null,
            "RouteRule route weights are out of 0..100, do not total 100, or carry bad labels.")),
    APPEND_HEADERS(CodeInfo.error("GW0709", null,
            "A RouteRule appends a header with a bad name or an empty value.")),
    CORS_POLICY(CodeInfo.error("GW0710", null,
            "A RouteRule CORS policy has a bad max age, header name or HTTP method.")),
    TIMEOUT_RETRY(CodeInfo.error("GW0711", null,
            "A RouteRule timeout or retry policy has a bad duration or a negative number of attempts.")),
    HTTP_FAULT(CodeInfo.error("GW0712", null,
            "A RouteRule HTTP fault has a bad percentage, delay or status, or a kind Istio never supported.")),
    L4_FAULT(CodeInfo.error("GW0713", null, "A RouteRule injects TCP faults, which Istio never implemented.")),
    LOAD_BALANCING(CodeInfo.error("GW0714", null,
            "A DestinationPolicy has a loadBalancing block that names no policy.")),
    CIRCUIT_BREAKER(CodeInfo.error("GW0715", null,
            "A DestinationPolicy circuit breaker has a negative limit, a bad duration or a bad percentage.")),
    EGRESS_DESTINATION(CodeInfo.error("GW0716", null,
            "An EgressRule destination is missing, sets more than service, or its service is neither a domain"
                    + " nor an IPv4 CIDR block.")),
    EGRESS_PORTS(CodeInfo.error("GW0717", null,
            "An EgressRule has no ports, a duplicate or out-of-range port, or an unsupported protocol.")),
    EGRESS_PROXY(CodeInfo.error("GW0718", null,
            "An EgressRule asks for an egress proxy, which Istio never implemented.")),
    DEPRECATED_KIND(CodeInfo.info("GW0719", null,
            "A legacy config.istio.io object, removed in Istio 1.0; gwctl convert migrates it.")),
    UNREADABLE(CodeInfo.error("GW0720", null,
            "A legacy object's spec has a value of the wrong type, so its other checks are skipped."));

    private final CodeInfo info;

    LegacyCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
