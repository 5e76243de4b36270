package io.gwctl.translate.envoy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which gateway workload to build the config of, and how names resolve.
 *
 * @param selector     the workload's labels, {@code istio=ingressgateway} by default ({@code istio=egressgateway}
 *                     for an egress gateway): every Gateway whose selector they satisfy is served
 * @param gateway      {@code namespace/name} of one Gateway to serve instead, when given
 * @param domainSuffix the cluster domain suffix, {@code cluster.local} by default
 */
public record GatewayOptions(Map<String, String> selector, Optional<String> gateway, String domainSuffix) {

    public GatewayOptions {
        selector = Map.copyOf(selector);
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(domainSuffix, "domainSuffix");
    }

    /** The ingress gateway of a default install. */
    public static GatewayOptions ingress() {
        return new GatewayOptions(Map.of("istio", "ingressgateway"), Optional.empty(), "cluster.local");
    }
}
