package io.gwctl.validate.analysis;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;
import java.util.Set;

/**
 * GW08xx: analysis across resources, after {@code istioctl analyze}; each maps to its IST code and names
 * the Istio analyzer(s) that report the same finding ({@code pkg/config/analysis/analyzers}).
 *
 * <p>Numbering: 080x a VirtualService's gateways and hosts, 081x its destinations, 082x Gateways and
 * their workloads and credentials, 083x DestinationRules, 084x ServiceEntries.
 */
public enum AnalysisCodes implements DiagnosticCode {
    GATEWAY_NOT_FOUND(CodeInfo.error("GW0801", "IST0101",
            "A VirtualService names a Gateway that does not exist."),
            IstioAnalyzer.VS_GATEWAY),
    HOST_NOT_IN_ANY_GATEWAY(CodeInfo.warning("GW0802", "IST0132",
            "None of a VirtualService's gateways serves any of its hosts."),
            IstioAnalyzer.VS_GATEWAY),
    HOST_NOT_IN_THIS_GATEWAY(CodeInfo.info("GW0803", "IST0132",
            "One gateway of a VirtualService serves none of its hosts, though another of its gateways does."),
            IstioAnalyzer.VS_GATEWAY),
    INTERNAL_GATEWAY_REFERENCE(CodeInfo.warning("GW0804", "IST0165",
            "A VirtualService names a Gateway that Istio generates internally for a Kubernetes Gateway."),
            IstioAnalyzer.VS_GATEWAY),
    MESH_HOST_CONFLICT(CodeInfo.error("GW0805", "IST0109",
            "Two VirtualServices bound to the mesh gateway define the same host for the same namespaces."),
            "virtualservice.ConflictingMeshGatewayHostsAnalyzer"),
    JWT_CLAIM_ROUTE_WITHOUT_AUTHN(CodeInfo.error("GW0806", "IST0149",
            "A VirtualService routes on a JWT claim on gateway pods no RequestAuthentication applies to."),
            "virtualservice.JWTClaimRouteAnalyzer"),

    DESTINATION_HOST_NOT_FOUND(CodeInfo.error("GW0810", "IST0101",
            "A route or mirror destination host matches no Service or ServiceEntry visible to the VirtualService."),
            IstioAnalyzer.VS_DESTINATION_HOST),
    DESTINATION_PORT_NOT_FOUND(CodeInfo.error("GW0811", "IST0101",
            "A destination port is not a port of the destination's Service or ServiceEntry."),
            IstioAnalyzer.VS_DESTINATION_HOST),
    DESTINATION_PORT_REQUIRED(CodeInfo.error("GW0812", "IST0112",
            "A destination without a port routes to a Service or ServiceEntry with several ports."),
            IstioAnalyzer.VS_DESTINATION_HOST),
    SUBSET_NOT_FOUND(CodeInfo.error("GW0813", "IST0101",
            "A destination names a subset that no DestinationRule for its host defines."),
            "virtualservice.DestinationRuleAnalyzer"),
    SUBSET_NO_EFFECT_ON_INGRESS(CodeInfo.warning("GW0814", "IST0140",
            "A gateway route to a host without a subset bypasses another VirtualService's subset routing."),
            IstioAnalyzer.VS_DESTINATION_HOST),

    GATEWAY_SELECTOR_NOT_FOUND(CodeInfo.error("GW0820", "IST0101",
            "A Gateway's selector matches no gateway workload."),
            IstioAnalyzer.GW_PORT, IstioAnalyzer.GW_SECRET, IstioAnalyzer.GW_CONFLICT),
    GATEWAY_PORT_NOT_ON_SERVICE(CodeInfo.warning("GW0821", "IST0162",
            "A Gateway server port is not a target port of any Service in front of its workload."),
            IstioAnalyzer.GW_PORT),
    CONFLICTING_GATEWAYS(CodeInfo.error("GW0822", "IST0145",
            "Two Gateways on one workload declare the same port, host and bind."),
            IstioAnalyzer.GW_CONFLICT),
    CREDENTIAL_NOT_FOUND(CodeInfo.error("GW0823", "IST0101",
            "A Gateway's credentialName names no Secret in the namespace of its workload."),
            IstioAnalyzer.GW_SECRET),
    INVALID_CREDENTIAL(CodeInfo.error("GW0824", "IST0161",
            "A Gateway's credential Secret lacks a certificate and key that parse, or its certificate is expired."),
            IstioAnalyzer.GW_SECRET),
    DUPLICATE_CERTIFICATE(CodeInfo.warning("GW0825", "IST0138",
            "Two Gateways on one workload serve the same certificate."),
            "gateway.CertificateAnalyzer"),

    NO_CA_CERTIFICATES(CodeInfo.warning("GW0830", "IST0128",
            "A DestinationRule originates TLS without caCertificates to verify the server."),
            IstioAnalyzer.DR_CA),
    NO_CA_CERTIFICATES_PORT(CodeInfo.warning("GW0831", "IST0129",
            "A DestinationRule port setting originates TLS without caCertificates to verify the server."),
            IstioAnalyzer.DR_CA),
    SUBSET_SELECTS_NO_PODS(CodeInfo.error("GW0832", "IST0173",
            "A DestinationRule subset selects no pod or workload."),
            IstioAnalyzer.DR_SUBSET),
    UNKNOWN_DESTINATION_RULE_HOST(CodeInfo.warning("GW0833", "IST0174",
            "A DestinationRule's host matches no Service or ServiceEntry visible to it."),
            IstioAnalyzer.DR_SUBSET),

    SERVICE_ENTRY_ADDRESSES_REQUIRED(CodeInfo.warning("GW0840", "IST0134",
            "A ServiceEntry with a TCP (or unset) protocol port has no addresses."),
            "serviceentry.Analyzer"),
    CONFLICTING_SERVICE_ENTRY_PROTOCOL(CodeInfo.warning("GW0841", "IST0177",
            "ServiceEntries visible in one namespace give one host and port different protocols."),
            "serviceentry.ConflictingServiceEntryProtocolAnalyzer");

    private final CodeInfo info;
    private final Set<String> istioAnalyzers;

    AnalysisCodes(CodeInfo info, String... istioAnalyzers) {
        this.info = info;
        this.istioAnalyzers = Set.of(istioAnalyzers);
    }

    @Override
    public CodeInfo info() {
        return info;
    }

    /** The names of the Istio analyzers that report this finding, as {@code istioctl analyze -L} lists them. */
    public Set<String> istioAnalyzers() {
        return istioAnalyzers;
    }

    /** Istio analyzer names used by more than one code. */
    private static final class IstioAnalyzer {
        static final String VS_GATEWAY = "virtualservice.GatewayAnalyzer";
        static final String VS_DESTINATION_HOST = "virtualservice.DestinationHostAnalyzer";
        static final String GW_PORT = "gateway.IngressGatewayPortAnalyzer";
        static final String GW_SECRET = "gateway.SecretAnalyzer";
        static final String GW_CONFLICT = "gateway.ConflictingGatewayAnalyzer";
        static final String DR_CA = "destinationrule.CaCertificateAnalyzer";
        static final String DR_SUBSET = "destinationrule.SubsetSelectPodAnalyzer";

        private IstioAnalyzer() {
        }
    }
}
