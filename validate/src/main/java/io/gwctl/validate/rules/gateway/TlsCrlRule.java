package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.gwctl.validate.rules.RuleContext;

/**
 * A certificate revocation list ({@code caCrl}) checks client certificates, so it belongs to the mutual
 * modes with file certificates; with a credentialName the CRL must be inside the Secret. Istio:
 * {@code validateTLSOptions}: "CRL is not supported with credentialName. CRL has to be specified in the
 * credential", "CRL is not supported with SIMPLE TLS".
 *
 * <p>Istio only reaches this check when it has not returned earlier: never for ISTIO_MUTUAL, and not
 * for SIMPLE/MUTUAL/OPTIONAL_MUTUAL with a credentialName or credentialNames. So the credentialName
 * message only appears in the passthrough modes, and gwctl follows that.
 */
final class TlsCrlRule extends TlsRule {

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        if (tls.caCrl().isEmpty() || tls.mode() == ServerTLSSettingsTLSmode.ISTIO_MUTUAL
                || (tls.terminates() && tls.hasCredentials())) {
            return;
        }
        String path = GatewayPaths.tls(index, "caCrl");
        if (!tls.credentialName().isEmpty()) {
            context.report(GatewayCodes.TLS_CRL, path,
                    "CRL is not supported with credentialName. CRL has to be specified in the credential");
        }
        if (tls.mode() == ServerTLSSettingsTLSmode.SIMPLE) {
            context.report(GatewayCodes.TLS_CRL, path, "CRL is not supported with SIMPLE TLS");
        }
    }
}
