package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.protocol.Protocol;

/**
 * {@code tls.httpsRedirect} answers plain HTTP requests with a redirect to HTTPS, so it only means something
 * on an HTTP server. Istio: {@code ValidateGateway}, warning "tls.httpsRedirect should only be used with
 * http servers".
 */
final class HttpsRedirectRule extends ServerRule {

    @Override
    void checkServer(RuleContext context, int index, Server server) {
        if (server.getPort() == null || server.getTls() == null) {
            return;
        }
        boolean http = Protocol.parse(server.getPort().getProtocol()).isHttp();
        if (new ServerTls(server.getTls()).httpsRedirect() && !http) {
            context.report(GatewayCodes.HTTPS_REDIRECT, GatewayPaths.tls(index, "httpsRedirect"),
                    "tls.httpsRedirect should only be used with http servers");
        }
    }
}
