package io.gwctl.translate.ingress;

import java.util.Map;
import java.util.Objects;

/**
 * How Ingresses are converted.
 *
 * @param gatewayNamespace where the generated Gateways go: the namespace of the ingress gateway deployment,
 *                         which is also where TLS Secrets must live
 * @param selector         the Gateway's workload selector (meshConfig.ingressSelector in Istio)
 * @param ingressClass     the class converted (meshConfig.ingressClass in Istio)
 * @param allClasses       convert every Ingress whatever its class
 * @param domainSuffix     the cluster's DNS suffix, for destination FQDNs
 */
public record IngressOptions(String gatewayNamespace, Map<String, String> selector, String ingressClass,
        boolean allClasses, String domainSuffix) {

    public IngressOptions {
        Objects.requireNonNull(gatewayNamespace, "gatewayNamespace");
        selector = Map.copyOf(selector);
        Objects.requireNonNull(ingressClass, "ingressClass");
        Objects.requireNonNull(domainSuffix, "domainSuffix");
    }

    /** Istio's defaults: {@code istio-system}, {@code istio: ingressgateway}, class {@code istio}. */
    public static IngressOptions defaults() {
        return new IngressOptions("istio-system", Map.of("istio", "ingressgateway"), "istio", false, "cluster.local");
    }

    public IngressOptions withDomainSuffix(String suffix) {
        return new IngressOptions(gatewayNamespace, selector, ingressClass, allClasses, suffix);
    }

    public IngressOptions withAllClasses(boolean all) {
        return new IngressOptions(gatewayNamespace, selector, ingressClass, all, domainSuffix);
    }
}
