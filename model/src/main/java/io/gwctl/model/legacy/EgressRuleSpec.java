package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The spec of an EgressRule ({@code EgressRule} in egress_rule.proto): a service outside the mesh that
 * workloads may call.
 *
 * @param destination    the external service: only {@code service} may be set, holding a domain (a
 *                       leading {@code *} wildcard allowed) or an IPv4 CIDR block; or null
 * @param ports          the ports and protocols it is called on
 * @param useEgressProxy whether to send the traffic through an egress proxy (never implemented)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EgressRuleSpec(
        IstioService destination,
        List<Port> ports,
        @JsonAlias("use_egress_proxy") boolean useEgressProxy) {

    /** The spec of an EgressRule that has none: every field at its default. */
    static final EgressRuleSpec EMPTY = new EgressRuleSpec(null, null, false);

    public EgressRuleSpec {
        ports = ProtoDefaults.list(ports);
    }

    /**
     * A port of the external service ({@code EgressRule.Port}).
     *
     * @param port     port number
     * @param protocol protocol name as written, any case ({@code http}, {@code https}, {@code tcp} …)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Port(int port, String protocol) {

        public Port {
            protocol = ProtoDefaults.string(protocol);
        }
    }
}
