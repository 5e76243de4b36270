package io.gwctl.validate.rules.serviceentry;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW05xx: ServiceEntry checks, after Istio's {@code ValidateServiceEntry}
 * (pkg/config/validation/validation.go), and the CRD's CEL rules where they reject what Istio's validator
 * lets through (GW053x).
 */
public enum ServiceEntryCodes implements DiagnosticCode {
    NO_HOSTS(CodeInfo.error("GW0501", "IST0106", "A ServiceEntry has no hosts.")),
    HOST(CodeInfo.error("GW0502", "IST0106", "A host is '*' or not a valid (wildcard) domain name.")),
    HOST_PARTIAL_WILDCARD(CodeInfo.warning("GW0503", "IST0133",
            "A host has a wildcard that is not a whole first label.")),
    WORKLOAD_SELECTOR(CodeInfo.error("GW0504", "IST0106",
            "A workloadSelector label has an empty key or a wildcard.")),
    WORKLOAD_SELECTOR_EMPTY(CodeInfo.warning("GW0505", "IST0133",
            "A workloadSelector has no labels, so it selects every workload in the namespace.")),
    SELECTOR_WITH_ENDPOINTS(CodeInfo.error("GW0506", "IST0106", "Both workloadSelector and endpoints are set.")),
    ADDRESS(CodeInfo.error("GW0507", "IST0106", "An address is not an IP address or CIDR block.")),
    CIDR_RESOLUTION(CodeInfo.error("GW0508", "IST0106",
            "CIDR addresses are used with a resolution other than NONE or STATIC.")),
    PORT(CodeInfo.error("GW0509", "IST0106",
            "A port is empty, or has an invalid name, protocol, number or targetPort.")),
    PORT_DUPLICATE(CodeInfo.error("GW0510", "IST0106", "Two ports have the same name or number.")),
    ADDRESSES_REQUIRED(CodeInfo.warning("GW0511", "IST0133",
            "A TCP port has no addresses and no automatically allocated one to tell its traffic apart.")),
    NONE_ENDPOINTS(CodeInfo.error("GW0512", "IST0106", "Endpoints are given with resolution NONE.")),
    NONE_WORKLOAD_SELECTOR(CodeInfo.warning("GW0513", "IST0133",
            "A workloadSelector is set with resolution NONE, where it has no effect.")),
    ENDPOINT_NULL(CodeInfo.error("GW0514", "IST0106", "An endpoints entry is empty.")),
    ENDPOINT_ADDRESS(CodeInfo.error("GW0515", "IST0106",
            "An endpoint's address is missing or not valid for the resolution.")),
    ENDPOINT_NETWORK_ONLY(CodeInfo.warning("GW0516", "IST0133",
            "An endpoint has a network but no address.")),
    ENDPOINT_PORT(CodeInfo.error("GW0517", "IST0106",
            "An endpoint port is not a port of the ServiceEntry, or has an invalid name or number.")),
    ENDPOINT_LABELS(CodeInfo.error("GW0518", "IST0106", "An endpoint label key or value is not a valid label.")),
    DNS_HOSTS(CodeInfo.error("GW0519", "IST0106",
            "With DNS resolution and no endpoints, a host is not a resolvable name.")),
    DNS_ROUND_ROBIN_ENDPOINTS(CodeInfo.error("GW0520", "IST0106",
            "DNS_ROUND_ROBIN resolution is given more than one endpoint.")),
    DNS_MULTIPLE_HOSTS_TCP(CodeInfo.warning("GW0521", "IST0133",
            "With DNS resolution, addresses and a TCP port, more than one host is given.")),
    DYNAMIC_DNS(CodeInfo.error("GW0522", "IST0106",
            "DYNAMIC_DNS resolution is combined with a setting it does not support.")),
    MULTIPLE_HOSTS_NON_HTTP(CodeInfo.error("GW0523", "IST0106",
            "Several hosts share a port that is neither HTTP nor TLS, so their traffic cannot be told apart.")),
    CEL_TARGET_PORT(CodeInfo.error("GW0530", null,
            "A targetPort of 0 is written out; the CRD requires 1..65535.")),
    CEL_ENDPOINT_PORT_NAME(CodeInfo.error("GW0531", null,
            "An endpoint port name is 63 characters long; the CRD requires fewer."));

    private final CodeInfo info;

    ServiceEntryCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
