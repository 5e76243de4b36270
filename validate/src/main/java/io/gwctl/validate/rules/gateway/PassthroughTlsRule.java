package io.gwctl.validate.rules.gateway;

import io.gwctl.validate.rules.RuleContext;

/**
 * A PASSTHROUGH or AUTO_PASSTHROUGH server forwards TLS untouched, so any certificate it names is ignored.
 * PASSTHROUGH is also the mode of a {@code tls} without {@code mode}, so an HTTPS server with only a
 * {@code credentialName} lands here: it does not terminate TLS as its author likely meant. Istio:
 * {@code validateTLSOptions}, warning "%v mode does not use certificates, they will be ignored".
 */
final class PassthroughTlsRule extends TlsRule {

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        if (!tls.isPassthrough()) {
            return;
        }
        boolean certificates = !tls.caCrl().isEmpty() || !tls.serverCertificate().isEmpty()
                || !tls.privateKey().isEmpty() || !tls.caCertificates().isEmpty()
                || !tls.tlsCertificates().isEmpty() || tls.hasCredentials();
        if (certificates) {
            context.report(GatewayCodes.TLS_PASSTHROUGH_CERTIFICATES, GatewayPaths.tls(index, "mode"),
                    "%s mode does not use certificates, they will be ignored", tls.mode().name());
        }
    }
}
