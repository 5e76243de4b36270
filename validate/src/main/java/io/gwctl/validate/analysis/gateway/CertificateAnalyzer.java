package io.gwctl.validate.analysis.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.workloads.LabelSelector;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.List;

/**
 * Two Gateways on one workload should not serve the same certificate: a client that reuses an HTTP/2
 * connection for the second host reaches the first server's routes and gets 404. Istio:
 * {@code gateway.CertificateAnalyzer} (IST0138); a Gateway is compared with every Gateway whose selector
 * includes all of its own labels (every Gateway, when its selector is empty), one finding per pair of
 * TLS servers with the same {@code credentialName}, or the same {@code serverCertificate} and
 * {@code privateKey}.
 */
final class CertificateAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "gateway.CertificateAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        List<Resource> gateways = context.ofType(ResourceType.GATEWAY);
        for (Resource current : gateways) {
            Gateway gw = current.spec(Gateway.class).orElse(null);
            if (gw == null || gw.getServers() == null) {
                continue;
            }
            LabelSelector selector = LabelSelector.of(gw.getSelector());
            for (Resource other : gateways) {
                Gateway og = other.spec(Gateway.class).orElse(null);
                if (other == current || og == null || og.getServers() == null
                        || !selector.isSubsetOf(LabelSelector.of(og.getSelector()))) {
                    continue;
                }
                for (Server cs : gw.getServers()) {
                    for (Server os : og.getServers()) {
                        if (cs != null && os != null && cs.getTls() != null && os.getTls() != null
                                && sameCertificate(cs.getTls(), os.getTls())) {
                            String names = GoFormat.list(List.of(GoFormat.fullName(current), GoFormat.fullName(other)));
                            context.report(AnalysisCodes.DUPLICATE_CERTIFICATE, current, GatewayPaths.NAME,
                                    "Duplicate certificate in multiple gateways " + names
                                            + " may cause 404s if clients re-use HTTP2 connections.");
                        }
                    }
                }
            }
        }
    }

    /** Istio's {@code haveSameCertificate}. */
    private static boolean sameCertificate(ServerTLSSettings a, ServerTLSSettings b) {
        String ca = orEmpty(a.getCredentialName());
        String cb = orEmpty(b.getCredentialName());
        if (!ca.isEmpty() && !cb.isEmpty()) {
            return ca.equals(cb);
        }
        if (!ca.isEmpty() || !cb.isEmpty()) {
            return false;
        }
        String certA = orEmpty(a.getServerCertificate());
        String keyA = orEmpty(a.getPrivateKey());
        return !certA.isEmpty() && certA.equals(b.getServerCertificate()) && !keyA.isEmpty()
                && keyA.equals(b.getPrivateKey());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
