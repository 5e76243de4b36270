package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.gwctl.validate.rules.RuleContext;

/**
 * ISTIO_MUTUAL uses the proxy's own mesh certificates, so a server in that mode may carry no certificates
 * or credentials of its own. Istio: {@code validateTLSOptions}, "ISTIO_MUTUAL TLS cannot have associated
 * server certificate" (and private key, CA bundle, tlsCertificates, credentialName, credentialNames).
 */
final class IstioMutualTlsRule extends TlsRule {

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        if (tls.mode() != ServerTLSSettingsTLSmode.ISTIO_MUTUAL) {
            return;
        }
        check(context, index, !tls.serverCertificate().isEmpty(), "serverCertificate", "server certificate");
        check(context, index, !tls.privateKey().isEmpty(), "privateKey", "private key");
        check(context, index, !tls.caCertificates().isEmpty(), "caCertificates", "CA bundle");
        check(context, index, !tls.tlsCertificates().isEmpty(), "tlsCertificates", "tlsCertificates");
        check(context, index, !tls.credentialName().isEmpty(), "credentialName", "credentialName");
        check(context, index, !tls.credentialNames().isEmpty(), "credentialNames", "credentialNames");
    }

    private static void check(RuleContext context, int index, boolean set, String field, String what) {
        if (set) {
            context.report(GatewayCodes.TLS_ISTIO_MUTUAL_CERTIFICATES, GatewayPaths.tls(index, field),
                    "ISTIO_MUTUAL TLS cannot have associated %s", what);
        }
    }
}
