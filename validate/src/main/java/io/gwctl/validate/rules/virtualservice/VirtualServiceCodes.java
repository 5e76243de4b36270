package io.gwctl.validate.rules.virtualservice;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW03xx: VirtualService checks, after Istio's {@code ValidateVirtualService} (pkg/config/validation), plus
 * the CRD's CEL rule. Istio's errors surface in {@code istioctl analyze} as IST0106 and its warnings as
 * IST0133, except the unreachable-rule analysis, which has its own codes.
 */
public enum VirtualServiceCodes implements DiagnosticCode {
    NO_ROUTES(CodeInfo.error("GW0301", "IST0106", "A VirtualService has none of http, tcp or tls.")),
    DELEGATE_SCOPE(CodeInfo.error("GW0302", "IST0106",
            "A delegate VirtualService (one without hosts) lists gateways or has tls or tcp routes.")),
    GATEWAY_NAME(CodeInfo.error("GW0303", "IST0106",
            "A gateway reference is neither <namespace>/<name> with DNS-label parts nor a valid host name.")),
    GATEWAY_NAME_LEGACY(CodeInfo.warning("GW0304", "IST0133",
            "A gateway reference uses the legacy <name>.<namespace> form.")),
    HOST(CodeInfo.error("GW0305", "IST0106", "A host is not a valid domain name (a leading * label allowed).")),
    MESH_WILDCARD_HOST(CodeInfo.error("GW0306", "IST0106", "A VirtualService bound to the mesh has the host *.")),
    DUPLICATE_HOST(CodeInfo.error("GW0307", "IST0106",
            "Two hosts of one VirtualService overlap, literally or through a wildcard.")),
    NULL_HTTP_ROUTE(CodeInfo.error("GW0308", "IST0106", "An entry of http is null.")),
    HTTP_ACTION_REQUIRED(CodeInfo.error("GW0309", "IST0106",
            "An HTTP route has none of route, redirect or directResponse.")),
    HTTP_ACTION_CONFLICT(CodeInfo.error("GW0310", "IST0106",
            "An HTTP route combines settings that exclude each other (redirect or directResponse with route, "
                    + "fault or rewrite; mirror with mirrors).")),
    DELEGATION(CodeInfo.error("GW0311", "IST0106",
            "A delegating HTTP route also routes or redirects, or a route of a delegate VirtualService delegates again.")),
    ROUTE_WEIGHT(CodeInfo.error("GW0312", "IST0106",
            "A route destination is null or has a negative weight, or several destinations all weigh 0.")),
    DESTINATION_REQUIRED(CodeInfo.error("GW0313", "IST0106", "A route destination or mirror has no destination.")),
    DESTINATION(CodeInfo.error("GW0314", "IST0106", "A destination's host, subset name or port number is invalid.")),
    REGEX(CodeInfo.error("GW0315", "IST0106",
            "A regular expression is empty, longer than 1024 bytes, or not valid RE2.")),
    EMPTY_PREFIX(CodeInfo.error("GW0316", "IST0106", "A prefix string match other than uri has an empty prefix.")),
    MATCH_HEADER(CodeInfo.error("GW0317", "IST0106", "A header match is null or names an invalid header.")),
    HEADER_OPERATION(CodeInfo.error("GW0318", "IST0106",
            "A header operation has an empty name or changes a header Envoy manages (Host, pseudo-headers).")),
    HEADER_VALUE(CodeInfo.error("GW0319", "IST0106",
            "A header value has control characters or a %VARIABLE% Envoy cannot parse.")),
    AUTHORITY_REWRITE(CodeInfo.error("GW0320", "IST0106", "An HTTP route rewrites the authority more than once.")),
    MATCH_SOURCE(CodeInfo.error("GW0321", "IST0106",
            "A match's sourceNamespace or sourceLabels are not valid label names or values.")),
    MATCH_PORT(CodeInfo.error("GW0322", "IST0106", "A match's port is outside 1..65535.")),
    DESTINATION_SUBNET(CodeInfo.error("GW0323", "IST0106", "A destinationSubnets entry is neither an IP nor a CIDR block.")),
    REDIRECT(CodeInfo.error("GW0324", "IST0106",
            "A redirect changes nothing, mixes uri and prefixRewrite, or has an invalid code, scheme or port.")),
    REWRITE(CodeInfo.error("GW0325", "IST0106",
            "A rewrite changes nothing, sets both uri and uriRegexRewrite, or has an incomplete uriRegexRewrite.")),
    DIRECT_RESPONSE_STATUS(CodeInfo.error("GW0326", "IST0106", "A directResponse status is outside 200..600.")),
    DIRECT_RESPONSE_BODY_TOO_LARGE(CodeInfo.error("GW0327", "IST0106", "A directResponse body is larger than 1 MiB.")),
    DIRECT_RESPONSE_BODY_LARGE(CodeInfo.warning("GW0328", "IST0133",
            "A directResponse body is larger than 100 KiB, which burdens the control plane.")),
    FAULT(CodeInfo.error("GW0329", "IST0106",
            "A fault injection is empty, has a percentage outside [0.0001, 100], or an unsupported or invalid "
                    + "abort or delay.")),
    FAULT_ABORT_TYPE(CodeInfo.warning("GW0330", "IST0133", "A fault abort sets no error type.")),
    RETRY(CodeInfo.error("GW0331", "IST0106",
            "A retry policy has negative attempts, settings while attempts is 0, or an unknown retryOn policy.")),
    DURATION(CodeInfo.error("GW0332", "IST0106",
            "A duration (timeout, retries, fault delay, CORS maxAge) is below 1ms or not whole milliseconds.")),
    CORS(CodeInfo.error("GW0333", "IST0106",
            "A CORS policy has an unsupported method, an empty origin, an invalid header name, or a maxAge "
                    + "finer than seconds.")),
    MIRROR_PERCENTAGE(CodeInfo.error("GW0334", "IST0106", "A mirror percentage is outside 0..100.")),
    MIRROR_PERCENT_DEPRECATED(CodeInfo.warning("GW0335", "IST0133",
            "An HTTP route uses the deprecated mirrorPercent instead of mirrorPercentage.")),
    TLS_ROUTE(CodeInfo.error("GW0336", "IST0106",
            "A tls route has no match, a null match, a match without SNI hosts, or no route.")),
    SNI_HOST(CodeInfo.error("GW0337", "IST0106",
            "An SNI host is not a valid domain name, or not covered by any host of the VirtualService.")),
    SNI_IP(CodeInfo.warning("GW0338", "IST0133",
            "An SNI host is an IP address, which the SNI spec and most clients do not allow.")),
    TCP_ROUTE(CodeInfo.error("GW0339", "IST0106", "A tcp route has a null match or no route.")),
    JWT_CLAIM_WITHOUT_GATEWAY(CodeInfo.error("GW0340", "IST0106",
            "A match routes on a JWT claim in a VirtualService that is not bound to gateways only.")),
    UNREACHABLE_RULE(CodeInfo.warning("GW0341", "IST0130",
            "A route rule is never used: an earlier rule without matches, or earlier matches, take all its traffic.")),
    INEFFECTIVE_MATCH(CodeInfo.info("GW0342", "IST0131",
            "A match is never used: it duplicates an earlier match, or an earlier prefix match covers it.")),
    DURATION_SYNTAX(CodeInfo.error("GW0343", null,
            "A duration field is not a valid duration; the CRD's CEL rule makes the API server reject it."));

    private final CodeInfo info;

    VirtualServiceCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
