package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSCertificate;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;

/**
 * Where a server's certificates come from: exactly one source (credentialName, credentialNames, the
 * serverCertificate/privateKey pair, or tlsCertificates); and a server that terminates TLS (SIMPLE,
 * MUTUAL, OPTIONAL_MUTUAL) without a credential needs a certificate and key (each of at most two
 * tlsCertificates, or the pair), plus a client CA bundle for the mutual modes. Istio:
 * {@code validateTLSOptions}: "only one of credential_name, credential_names, server_certificate/private_key,
 * tls_certificates should be specified", "%s requires a server certificate", "%s requires a private key",
 * "MUTUAL TLS requires a client CA bundle", warning "%s can support up to 2 server certificates", with
 * {@code %s} "SIMPLE TLS" or "MUTUAL TLS". ISTIO_MUTUAL has its own rule ({@link IstioMutualTlsRule}).
 */
final class ServerCertificateRule extends TlsRule {

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        if (tls.mode() == ServerTLSSettingsTLSmode.ISTIO_MUTUAL) {
            return;
        }
        checkSources(context, index, tls);
        if (!tls.terminates() || tls.hasCredentials()) {
            return;
        }
        boolean mutual = tls.mode() != ServerTLSSettingsTLSmode.SIMPLE;
        String prefix = mutual ? "MUTUAL TLS" : "SIMPLE TLS";
        if (mutual && tls.caCertificates().isEmpty()) {
            context.report(GatewayCodes.TLS_CERTIFICATE_REQUIRED, GatewayPaths.tls(index, "caCertificates"),
                    "%s requires a client CA bundle", prefix);
        }
        List<ServerTLSSettingsTLSCertificate> certificates = tls.tlsCertificates();
        if (certificates.size() > 2) {
            context.report(GatewayCodes.TLS_CERTIFICATE_COUNT, GatewayPaths.tls(index, "tlsCertificates"),
                    "%s can support up to 2 server certificates", prefix);
        }
        if (certificates.isEmpty()) {
            requirePair(context, prefix, tls.serverCertificate(), GatewayPaths.tls(index, "serverCertificate"),
                    tls.privateKey(), GatewayPaths.tls(index, "privateKey"));
            return;
        }
        for (int k = 0; k < certificates.size(); k++) {
            ServerTLSSettingsTLSCertificate c = certificates.get(k);
            requirePair(context, prefix,
                    c == null ? "" : ServerTls.text(c.getServerCertificate()),
                    GatewayPaths.tlsCertificate(index, k, "serverCertificate"),
                    c == null ? "" : ServerTls.text(c.getPrivateKey()),
                    GatewayPaths.tlsCertificate(index, k, "privateKey"));
        }
    }

    private static void checkSources(RuleContext context, int index, ServerTls tls) {
        int sources = 0;
        if (!tls.serverCertificate().isEmpty() && !tls.privateKey().isEmpty()) {
            sources++;
        }
        if (!tls.credentialName().isEmpty()) {
            sources++;
        }
        if (!tls.credentialNames().isEmpty()) {
            sources++;
        }
        if (!tls.tlsCertificates().isEmpty()) {
            sources++;
        }
        if (sources > 1) {
            context.report(GatewayCodes.TLS_CERTIFICATE_SOURCES, GatewayPaths.tls(index),
                    "only one of credential_name, credential_names, server_certificate/private_key, "
                            + "tls_certificates should be specified");
        }
    }

    private static void requirePair(RuleContext context, String prefix, String certificate, String certificatePath,
            String key, String keyPath) {
        if (certificate.isEmpty()) {
            context.report(GatewayCodes.TLS_CERTIFICATE_REQUIRED, certificatePath, "%s requires a server certificate",
                    prefix);
        }
        if (key.isEmpty()) {
            context.report(GatewayCodes.TLS_CERTIFICATE_REQUIRED, keyPath, "%s requires a private key", prefix);
        }
    }
}
