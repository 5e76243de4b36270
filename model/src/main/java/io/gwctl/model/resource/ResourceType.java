package io.gwctl.model.resource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds gwctl understands, with the API versions each is accepted in and the class it binds to.
 *
 * <p>Istio's three {@code networking.istio.io} versions share one spec schema (fabric8's
 * {@code io.fabric8.istio.api.api.networking.v1alpha3} types), so a rule written once serves all three.
 * The legacy {@code config.istio.io} kinds have no fabric8 model; they bind to gwctl's own types in
 * {@code io.gwctl.model.legacy}.
 */
public enum ResourceType {
    GATEWAY("networking.istio.io", "Gateway", Map.of(
            "v1alpha3", io.fabric8.istio.api.networking.v1alpha3.Gateway.class,
            "v1beta1", io.fabric8.istio.api.networking.v1beta1.Gateway.class,
            "v1", io.fabric8.istio.api.networking.v1.Gateway.class)),
    VIRTUAL_SERVICE("networking.istio.io", "VirtualService", Map.of(
            "v1alpha3", io.fabric8.istio.api.networking.v1alpha3.VirtualService.class,
            "v1beta1", io.fabric8.istio.api.networking.v1beta1.VirtualService.class,
            "v1", io.fabric8.istio.api.networking.v1.VirtualService.class)),
    DESTINATION_RULE("networking.istio.io", "DestinationRule", Map.of(
            "v1alpha3", io.fabric8.istio.api.networking.v1alpha3.DestinationRule.class,
            "v1beta1", io.fabric8.istio.api.networking.v1beta1.DestinationRule.class,
            "v1", io.fabric8.istio.api.networking.v1.DestinationRule.class)),
    SERVICE_ENTRY("networking.istio.io", "ServiceEntry", Map.of(
            "v1alpha3", io.fabric8.istio.api.networking.v1alpha3.ServiceEntry.class,
            "v1beta1", io.fabric8.istio.api.networking.v1beta1.ServiceEntry.class,
            "v1", io.fabric8.istio.api.networking.v1.ServiceEntry.class)),
    WORKLOAD_ENTRY("networking.istio.io", "WorkloadEntry", Map.of(
            "v1alpha3", io.fabric8.istio.api.networking.v1alpha3.WorkloadEntry.class,
            "v1beta1", io.fabric8.istio.api.networking.v1beta1.WorkloadEntry.class,
            "v1", io.fabric8.istio.api.networking.v1.WorkloadEntry.class)),
    SIDECAR("networking.istio.io", "Sidecar", Map.of(
            "v1alpha3", io.fabric8.istio.api.networking.v1alpha3.Sidecar.class,
            "v1beta1", io.fabric8.istio.api.networking.v1beta1.Sidecar.class,
            "v1", io.fabric8.istio.api.networking.v1.Sidecar.class)),
    SERVICE("", "Service", Map.of("v1", io.fabric8.kubernetes.api.model.Service.class)),
    SECRET("", "Secret", Map.of("v1", io.fabric8.kubernetes.api.model.Secret.class)),
    POD("", "Pod", Map.of("v1", io.fabric8.kubernetes.api.model.Pod.class)),
    NAMESPACE("", "Namespace", Map.of("v1", io.fabric8.kubernetes.api.model.Namespace.class)),
    ENDPOINTS("", "Endpoints", Map.of("v1", io.fabric8.kubernetes.api.model.Endpoints.class)),
    INGRESS_EXTENSIONS("extensions", "Ingress", Map.of(
            "v1beta1", io.fabric8.kubernetes.api.model.extensions.Ingress.class)),
    INGRESS_V1BETA1("networking.k8s.io", "Ingress", Map.of(
            "v1beta1", io.fabric8.kubernetes.api.model.networking.v1beta1.Ingress.class)),
    INGRESS("networking.k8s.io", "Ingress", Map.of(
            "v1", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)),
    ROUTE_RULE("config.istio.io", "RouteRule", Map.of("v1alpha2", io.gwctl.model.legacy.RouteRule.class)),
    DESTINATION_POLICY("config.istio.io", "DestinationPolicy", Map.of(
            "v1alpha2", io.gwctl.model.legacy.DestinationPolicy.class,
            "v1beta1", io.gwctl.model.legacy.DestinationPolicy.class)),
    EGRESS_RULE("config.istio.io", "EgressRule", Map.of("v1alpha2", io.gwctl.model.legacy.EgressRule.class));

    private final String group;
    private final String kind;
    private final Map<String, Class<?>> classes;

    ResourceType(String group, String kind, Map<String, Class<?>> classes) {
        this.group = group;
        this.kind = kind;
        this.classes = classes;
    }

    public String group() {
        return group;
    }

    public String kind() {
        return kind;
    }

    /** The versions of {@link #group()} this kind is accepted in. */
    public Set<String> versions() {
        return classes.keySet();
    }

    /** The class an object of {@code version} binds to; {@code Map} for kinds read as plain trees. */
    public Class<?> classFor(String version) {
        return classes.get(version);
    }

    /** Whether this kind is a Kubernetes Ingress, whatever its API version. */
    public boolean isIngress() {
        return kind.equals("Ingress");
    }

    /** Whether this kind is one of the legacy {@code config.istio.io} routing kinds. */
    public boolean isLegacy() {
        return group.equals("config.istio.io");
    }

    /** The type for an {@code apiVersion} and {@code kind}, if gwctl knows it. */
    public static Optional<ResourceType> of(String apiVersion, String kind) {
        String group = groupOf(apiVersion);
        String version = versionOf(apiVersion);
        return Arrays.stream(values())
                .filter(t -> t.kind.equals(kind) && t.group.equals(group) && t.classes.containsKey(version))
                .findFirst();
    }

    /** All types that share {@code group}, for "did you mean" hints on unknown kinds. */
    public static List<ResourceType> inGroup(String group) {
        return Arrays.stream(values()).filter(t -> t.group.equals(group)).collect(Collectors.toList());
    }

    /** {@code networking.istio.io} of {@code networking.istio.io/v1}; empty for the core group's {@code v1}. */
    public static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code v1} of {@code networking.istio.io/v1}. */
    public static String versionOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }
}
