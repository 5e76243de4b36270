package io.gwctl.validate.analysis.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.List;

/**
 * TLS origination ({@code SIMPLE} or {@code MUTUAL}) without {@code caCertificates} does not verify the
 * server's identity. Istio: {@code destinationrule.CaCertificateAnalyzer} (IST0128 for the rule's
 * traffic policy, IST0129 for a port-level setting); a {@code credentialName} counts as carrying the CA
 * only on a rule with a {@code workloadSelector}, as Istio has it.
 */
final class CaCertificateAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "destinationrule.CaCertificateAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        for (Resource r : context.ofType(ResourceType.DESTINATION_RULE)) {
            DestinationRule dr = r.spec(DestinationRule.class).orElse(null);
            TrafficPolicy policy = dr == null ? null : dr.getTrafficPolicy();
            if (policy == null) {
                continue;
            }
            boolean selector = dr.getWorkloadSelector() != null;
            String host = dr.getHost() == null ? "" : dr.getHost();
            if (unverified(policy.getTls(), selector)) {
                context.report(AnalysisCodes.NO_CA_CERTIFICATES, r, DestinationRulePaths.TLS_MODE, String.format(
                        "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to "
                                + "validate server identity for host: %s",
                        GoFormat.fullName(r), r.namespace(), policy.getTls().getMode(), host));
            }
            List<TrafficPolicyPortTrafficPolicy> ports = policy.getPortLevelSettings() == null ? List.of()
                    : policy.getPortLevelSettings();
            for (int i = 0; i < ports.size(); i++) {
                TrafficPolicyPortTrafficPolicy p = ports.get(i);
                if (p != null && unverified(p.getTls(), selector)) {
                    Long port = p.getPort() == null ? null : p.getPort().getNumber();
                    context.report(AnalysisCodes.NO_CA_CERTIFICATES_PORT, r, DestinationRulePaths.portTlsMode(i),
                            String.format("DestinationRule %s in namespace %s has TLS mode set to %s but no "
                                    + "caCertificates are set to validate server identity for host: %s at port %s",
                                    GoFormat.fullName(r), r.namespace(), p.getTls().getMode(), host,
                                    port == null ? "" : port));
                }
            }
        }
    }

    private static boolean unverified(ClientTLSSettings tls, boolean workloadSelector) {
        if (tls == null || (tls.getMode() != ClientTLSSettingsTLSmode.SIMPLE
                && tls.getMode() != ClientTLSSettingsTLSmode.MUTUAL)) {
            return false;
        }
        boolean hasCa = tls.getCaCertificates() != null && !tls.getCaCertificates().isEmpty();
        boolean credential = tls.getCredentialName() != null && !tls.getCredentialName().isEmpty();
        return !hasCa && !(credential && workloadSelector);
    }
}
