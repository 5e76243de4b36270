package io.gwctl.cli.cluster;

import java.util.List;
import java.util.Set;

/**
 * The kinds gwctl reads from a cluster, with the API versions to ask for, newest first.
 *
 * <p>Istio's kinds are CRDs: a cluster serves whichever of {@code v1}, {@code v1beta1} and {@code v1alpha3}
 * its Istio release installed, all with one schema, so the first version served is read.
 */
public enum ClusterKind {
    GATEWAY("networking.istio.io", List.of("v1", "v1beta1", "v1alpha3"), "Gateway", "gateways"),
    VIRTUAL_SERVICE("networking.istio.io", List.of("v1", "v1beta1", "v1alpha3"), "VirtualService", "virtualservices"),
    DESTINATION_RULE("networking.istio.io", List.of("v1", "v1beta1", "v1alpha3"), "DestinationRule", "destinationrules"),
    SERVICE_ENTRY("networking.istio.io", List.of("v1", "v1beta1", "v1alpha3"), "ServiceEntry", "serviceentries"),
    SERVICE("", List.of("v1"), "Service", "services"),
    SECRET("", List.of("v1"), "Secret", "secrets"),
    POD("", List.of("v1"), "Pod", "pods"),
    INGRESS("networking.k8s.io", List.of("v1"), "Ingress", "ingresses"),
    ENDPOINT_SLICE("discovery.k8s.io", List.of("v1"), "EndpointSlice", "endpointslices");

    /**
     * What {@code validate} and {@code proxy-config} read: Istio's config and what it refers to. Pods are read
     * too, as {@code istioctl analyze} reads them from a live cluster: without them no Gateway selector would
     * find its workload.
     */
    public static final Set<ClusterKind> GATEWAY_CONFIG = Set.of(GATEWAY, VIRTUAL_SERVICE, DESTINATION_RULE,
            SERVICE_ENTRY, SERVICE, SECRET, POD);

    /** What {@code convert ingress} reads: the Ingresses, and the Services that name their ports. */
    public static final Set<ClusterKind> INGRESSES = Set.of(INGRESS, SERVICE);

    private final String group;
    private final List<String> versions;
    private final String kind;
    private final String plural;

    ClusterKind(String group, List<String> versions, String kind, String plural) {
        this.group = group;
        this.versions = versions;
        this.kind = kind;
        this.plural = plural;
    }

    public String group() {
        return group;
    }

    /** The versions to try, newest first. */
    public List<String> versions() {
        return versions;
    }

    public String kind() {
        return kind;
    }

    /** The kind in the plural, for people: {@code VirtualServices}, {@code ServiceEntries}, {@code Ingresses}. */
    public String kindPlural() {
        if (kind.endsWith("s")) {
            return kind + "es";
        }
        if (kind.endsWith("y") && "aeiou".indexOf(kind.charAt(kind.length() - 2)) < 0) {
            return kind.substring(0, kind.length() - 1) + "ies";
        }
        return kind + "s";
    }

    /** The resource name in API paths: {@code virtualservices}. */
    public String plural() {
        return plural;
    }

    /** {@code virtualservices.networking.istio.io}, as kubectl and RBAC name a resource. */
    public String resourceName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** Whether this is one of Istio's CRDs, which a cluster without Istio does not serve. */
    public boolean istio() {
        return group.equals("networking.istio.io");
    }

    /** {@code networking.istio.io/v1}, or {@code v1} for the core group. */
    public String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
