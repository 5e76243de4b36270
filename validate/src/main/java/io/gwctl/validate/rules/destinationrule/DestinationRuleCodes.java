package io.gwctl.validate.rules.destinationrule;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW04xx: DestinationRule checks, after Istio's {@code ValidateDestinationRule}
 * (pkg/config/validation/validation.go, client TLS in pkg/config/validation/agent), and the CRD's CEL
 * rules where they reject what Istio's validator lets through (GW043x).
 */
public enum DestinationRuleCodes implements DiagnosticCode {
    HOST(CodeInfo.error("GW0401", "IST0106", "The host is not a valid (wildcard) domain name.")),
    SUBSET_NULL(CodeInfo.error("GW0402", "IST0106", "A subsets entry is empty.")),
    SUBSET_DUPLICATE(CodeInfo.error("GW0403", "IST0106", "Two subsets have the same name.")),
    SUBSET_NAME(CodeInfo.error("GW0404", "IST0106", "A subset name is empty or not a DNS-1123 label.")),
    SUBSET_LABELS(CodeInfo.error("GW0405", "IST0106", "A subset label key or value is not a valid label.")),
    TRAFFIC_POLICY_EMPTY(CodeInfo.error("GW0406", "IST0106", "A trafficPolicy sets no field.")),
    TUNNEL_WITH_PROXY_PROTOCOL(CodeInfo.error("GW0407", "IST0106",
            "A trafficPolicy sets both tunnel and proxyProtocol.")),
    PORT_TRAFFIC_POLICY(CodeInfo.error("GW0408", "IST0106",
            "A portLevelSettings entry is empty, has no port, or sets no policy field.")),
    CONNECTION_POOL(CodeInfo.error("GW0409", "IST0106",
            "A connectionPool is empty, has a negative limit, or conflicting HTTP/2 settings.")),
    DURATION(CodeInfo.error("GW0410", "IST0106",
            "A duration is not valid, shorter than 1ms, or finer than milliseconds.")),
    OUTLIER_CONSECUTIVE_ERRORS(CodeInfo.warning("GW0411", "IST0133",
            "outlierDetection.consecutiveErrors is deprecated.")),
    OUTLIER_LOCAL_ORIGIN(CodeInfo.error("GW0412", "IST0106",
            "consecutiveLocalOriginFailures is set without splitExternalLocalOriginErrors.")),
    OUTLIER_PERCENT(CodeInfo.error("GW0413", "IST0106",
            "maxEjectionPercent or minHealthPercent is outside 0..100.")),
    CONSISTENT_HASH(CodeInfo.error("GW0414", "IST0106",
            "A consistentHash load balancer has an unnamed cookie, conflicting ring settings, or a bad Maglev table size.")),
    MINIMUM_RING_SIZE(CodeInfo.warning("GW0415", "IST0133", "consistentHash.minimumRingSize is deprecated.")),
    LOCALITY_LB(CodeInfo.error("GW0416", "IST0106",
            "Locality or zone-aware load balancing settings are inconsistent.")),
    FAILOVER_WITHOUT_OUTLIER(CodeInfo.warning("GW0417", "IST0133",
            "Failover is configured without outlierDetection, so it never triggers.")),
    WARMUP(CodeInfo.error("GW0418", "IST0106", "A warmup setting has no duration or an out-of-range value.")),
    CLIENT_TLS(CodeInfo.error("GW0419", "IST0106",
            "Client TLS settings are incomplete or combine fields that exclude each other.")),
    TUNNEL(CodeInfo.error("GW0420", "IST0106", "Tunnel settings have a bad protocol, target host or port.")),
    WORKLOAD_SELECTOR(CodeInfo.error("GW0421", "IST0106",
            "A workloadSelector label has an empty key or a wildcard.")),
    WORKLOAD_SELECTOR_EMPTY(CodeInfo.warning("GW0422", "IST0133", "A workloadSelector has no labels.")),
    WORKLOAD_SELECTOR_EXPORT_TO(CodeInfo.error("GW0423", "IST0106",
            "A DestinationRule with a workloadSelector is exported beyond its own namespace.")),
    CEL_DURATION(CodeInfo.error("GW0430", null,
            "A duration only the CRD checks (warmupDurationSecs) is not a valid duration of at least 1ms."));

    private final CodeInfo info;

    DestinationRuleCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
