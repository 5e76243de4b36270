package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.protocol.Protocol;

/**
 * A server's {@code tls} must fit its protocol: HTTPS and TLS servers need it; plain HTTP servers may only
 * use it to redirect to HTTPS (a passthrough-mode {@code tls}, the default, without certificate files);
 * other protocols may not have it. Istio: {@code validateServer}, "server must have TLS settings for
 * HTTPS/TLS protocols", "server cannot have TLS settings for plain text HTTP ports", "server cannot have
 * TLS settings for non HTTPS/TLS ports"; checked only when the port itself is valid.
 */
final class ServerProtocolTlsRule extends ServerRule {

    @Override
    void checkServer(RuleContext context, int index, Server server) {
        if (!ServerPortRule.isValid(server)) {
            return;
        }
        Protocol protocol = Protocol.parse(server.getPort().getProtocol());
        if (protocol.isTls()) {
            if (server.getTls() == null) {
                context.report(GatewayCodes.TLS_REQUIRED, GatewayPaths.tls(index),
                        "server must have TLS settings for HTTPS/TLS protocols");
            }
            return;
        }
        if (server.getTls() == null) {
            return;
        }
        if (!protocol.isHttp()) {
            context.report(GatewayCodes.TLS_ON_PLAIN_PORT, GatewayPaths.tls(index),
                    "server cannot have TLS settings for non HTTPS/TLS ports");
            return;
        }
        ServerTls tls = new ServerTls(server.getTls());
        if (!tls.isPassthrough() || !tls.caCertificates().isEmpty() || !tls.privateKey().isEmpty()
                || !tls.serverCertificate().isEmpty()) {
            context.report(GatewayCodes.TLS_ON_HTTP, GatewayPaths.tls(index),
                    "server cannot have TLS settings for plain text HTTP ports");
        }
    }
}
