package io.gwctl.validate.analysis.hosts;

/**
 * How a host in a VirtualService or DestinationRule names a service (Istio's analyzer
 * {@code util/hosts.go}): a short name ({@code reviews}) is the Service of that name in the resource's
 * own namespace, {@code reviews.default.svc.cluster.local} the Service {@code reviews} in {@code default}
 * from any namespace, and anything else (a wildcard, {@code example.com}) is taken as written.
 */
public final class ServiceHosts {

    /** The cluster's service domain. */
    public static final String CLUSTER_DOMAIN = "svc.cluster.local";

    private ServiceHosts() {
    }

    /**
     * {@code host} as a fully qualified name: a name without dots and not a wildcard gets
     * {@code .<namespace>.svc.cluster.local} (Istio's {@code ConvertHostToFQDN}).
     */
    public static String toFqdn(String namespace, String host) {
        if (host.startsWith("*") || host.contains(".")) {
            return host;
        }
        return host + "." + namespace + "." + CLUSTER_DOMAIN;
    }
}
