package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.EgressRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An EgressRule lists its ports: at least one, each once, in range, with a protocol egress rules
 * support, and only TCP protocols for a CIDR destination. Istio 0.8 {@code ValidateEgressRule},
 * {@code ValidateEgressRulePort}, {@code ValidatePort} and {@code egress_rules.go}. Istio printed the
 * protocol lists from Go maps, in no fixed order; here they are in declaration order.
 */
final class EgressPortsRule implements ResourceRule {

    private static final List<String> HTTP_PROTOCOLS = List.of("HTTP", "HTTP2", "GRPC", "HTTPS");
    private static final List<String> TCP_PROTOCOLS = List.of("TCP", "Mongo");
    private static final String ALL = String.join(",", HTTP_PROTOCOLS) + "," + String.join(",", TCP_PROTOCOLS);
    private static final String PORTS = "spec.ports";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.EGRESS_RULE);
    }

    @Override
    public void check(RuleContext context) {
        EgressRuleSpec spec = context.spec(EgressRuleSpec.class);
        if (spec.ports().isEmpty()) {
            context.report(LegacyCodes.EGRESS_PORTS, LegacyPaths.written(context, PORTS) ? PORTS : LegacyPaths.SPEC,
                    "egress rule must have a ports list");
            return;
        }
        String service = spec.destination() == null ? "" : spec.destination().service();
        boolean cidr = spec.destination() != null && LegacyNames.isCidrNotation(service);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            EgressRuleSpec.Port port = spec.ports().get(i);
            if (port == null) {
                continue;
            }
            String path = LegacyPaths.item(PORTS, i);
            if (!seen.add(port.port())) {
                context.report(LegacyCodes.EGRESS_PORTS, path + ".port", "duplicate port: %d", port.port());
            }
            String protocol = canonical(port.protocol());
            if (port.port() < 1 || port.port() > 65535) {
                context.report(LegacyCodes.EGRESS_PORTS, path + ".port", "port number %d must be in the range 1..65535",
                        port.port());
            } else if (!HTTP_PROTOCOLS.contains(protocol) && !TCP_PROTOCOLS.contains(protocol)) {
                context.report(LegacyCodes.EGRESS_PORTS, path + ".protocol",
                        "egress rule support is available only for the following protocols: %s", ALL);
            }
            if (cidr && !TCP_PROTOCOLS.contains(protocol)) {
                context.report(LegacyCodes.EGRESS_PORTS, path + ".protocol",
                        "Only the following protocols can be defined for CIDR destination service notation: %s. "
                                + "This rule - port: %d protocol: %s destination.service: %s",
                        String.join(",", TCP_PROTOCOLS), port.port(), port.protocol(), service);
            }
        }
    }

    /** Istio 0.8 {@code ParseProtocol}: the protocol's canonical name, whatever the case written. */
    private static String canonical(String protocol) {
        String lower = protocol.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "tcp", "udp", "grpc", "http", "http2", "https" -> lower.toUpperCase(Locale.ROOT);
            case "mongo" -> "Mongo";
            case "redis" -> "Redis";
            default -> "UnsupportedProtocol";
        };
    }
}
