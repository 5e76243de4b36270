package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;

/**
 * A server's {@code bind} is an IP address, or {@code unix://} and an absolute socket path (or an abstract
 * socket {@code @name}) with port number 0. Istio: {@code validateServerBind} and
 * {@code ValidateUnixAddress}: "%v is not a valid IP", "unix address must not be empty",
 * "%s is not an absolute path to a file", "port number must be 0 for unix domain socket: %v".
 */
final class ServerBindRule extends ServerRule {

    @Override
    void checkServer(RuleContext context, int index, Server server) {
        String bind = server.getBind();
        if (bind == null || bind.isEmpty()) {
            return;
        }
        if (!bind.startsWith(ServerPortRule.UNIX_PREFIX)) {
            if (!DnsNames.isIp(bind)) {
                context.report(GatewayCodes.BIND_IP, GatewayPaths.bind(index), "%s is not a valid IP", bind);
            }
            return;
        }
        String address = bind.substring(ServerPortRule.UNIX_PREFIX.length());
        if (address.isEmpty()) {
            context.report(GatewayCodes.BIND_UNIX, GatewayPaths.bind(index), "unix address must not be empty");
        } else if (!address.startsWith("@") && (!address.startsWith("/") || address.endsWith("/"))) {
            context.report(GatewayCodes.BIND_UNIX, GatewayPaths.bind(index), "%s is not an absolute path to a file",
                    address);
        }
        if (server.getPort() != null && server.getPort().getNumber() != null && server.getPort().getNumber() != 0) {
            context.report(GatewayCodes.BIND_UNIX, GatewayPaths.portNumber(index),
                    "port number must be 0 for unix domain socket: %s", IstioText.port(server.getPort()));
        }
    }
}
