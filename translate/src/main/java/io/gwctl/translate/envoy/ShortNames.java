package io.gwctl.translate.envoy;

/**
 * Expands the short host names of Istio config the way pilot does ({@code ResolveShortnameToFQDN}): a name
 * without a dot is a Kubernetes service in the config's namespace, {@code reviews} in {@code default}
 * becoming {@code reviews.default.svc.cluster.local}; names with a dot, IP addresses and {@code *} stay as
 * written.
 */
public final class ShortNames {

    private ShortNames() {
    }

    /**
     * @param host         as written in the config
     * @param namespace    the namespace of the config that names it
     * @param domainSuffix the cluster's domain suffix, {@code cluster.local} by default
     */
    public static String fqdn(String host, String namespace, String domainSuffix) {
        if (host.isEmpty() || host.equals("*") || host.contains(".") || host.contains(":")) {
            return host;
        }
        String out = namespace.isEmpty() ? host : host + "." + namespace;
        return domainSuffix.isEmpty() ? out : out + ".svc." + domainSuffix;
    }
}
