package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.validate.rules.RuleContext;

/**
 * A rule about one server's {@code tls}, as Istio's {@code validateTLSOptions}: a server without
 * {@code tls} is fine here (whether it needs one is {@link ServerProtocolTlsRule}'s question).
 */
abstract class TlsRule extends ServerRule {

    @Override
    final void checkServer(RuleContext context, int index, Server server) {
        if (server.getTls() != null) {
            checkTls(context, index, new ServerTls(server.getTls()));
        }
    }

    /** Checks the {@code tls} of server {@code index}. */
    abstract void checkTls(RuleContext context, int index, ServerTls tls);
}
