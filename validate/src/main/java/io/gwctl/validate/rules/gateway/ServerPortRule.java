package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.protocol.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A server's port: present, a protocol Istio knows (in any case), a TCP port number (a unix-socket bind
 * takes 0), no {@code targetPort}, and a name. Istio: {@code validateServerPort}: "port is required",
 * "invalid protocol %q, supported protocols are …", "port number %d must be in the range 1..65535",
 * "targetPort has no impact on Gateways", "port name must be set: %v". A missing number counts as 0,
 * as in Istio.
 *
 * <p>Istio checks the server's protocol against its {@code tls} only when the port has none of these
 * problems; {@link #isValid} tells {@link ServerProtocolTlsRule} so.
 */
final class ServerPortRule extends ServerRule {

    static final String UNIX_PREFIX = "unix://";

    @Override
    void checkServer(RuleContext context, int index, Server server) {
        for (Problem p : problems(index, server)) {
            context.report(p.code(), p.path(), p.message());
        }
    }

    /** Whether Istio's {@code validateServerPort} finds nothing wrong with the server's port. */
    static boolean isValid(Server server) {
        return problems(0, server).isEmpty();
    }

    private static List<Problem> problems(int index, Server server) {
        Port port = server.getPort();
        if (port == null) {
            return List.of(new Problem(GatewayCodes.PORT_REQUIRED, GatewayPaths.port(index), "port is required"));
        }
        List<Problem> problems = new ArrayList<>();
        if (Protocol.parse(port.getProtocol()) == Protocol.UNSUPPORTED) {
            problems.add(new Problem(GatewayCodes.PORT_PROTOCOL, GatewayPaths.portProtocol(index), String.format(
                    "invalid protocol %s, supported protocols are "
                            + "HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP",
                    GoFormat.quote(Objects.requireNonNullElse(port.getProtocol(), "")))));
        }
        long number = port.getNumber() == null ? 0 : port.getNumber();
        boolean unix = server.getBind() != null && server.getBind().startsWith(UNIX_PREFIX);
        if ((number > 0 || !unix) && (number < 1 || number > 65535)) {
            problems.add(new Problem(GatewayCodes.PORT_NUMBER, GatewayPaths.portNumber(index),
                    String.format("port number %d must be in the range 1..65535", number)));
        }
        if (port.getTargetPort() != null && port.getTargetPort() > 0) {
            problems.add(new Problem(GatewayCodes.PORT_TARGET_PORT, GatewayPaths.portTargetPort(index),
                    "targetPort has no impact on Gateways"));
        }
        if (port.getName() == null || port.getName().isEmpty()) {
            problems.add(new Problem(GatewayCodes.PORT_NAME_REQUIRED, GatewayPaths.portName(index),
                    "port name must be set: " + IstioText.port(port)));
        }
        return problems;
    }

    private record Problem(GatewayCodes code, String path, String message) {
    }
}
