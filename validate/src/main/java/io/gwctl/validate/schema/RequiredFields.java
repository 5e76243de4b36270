package io.gwctl.validate.schema;

import io.fabric8.istio.api.api.networking.v1alpha3.Destination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPDirectResponse;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMirrorPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.IstioEgressListener;
import io.fabric8.istio.api.api.networking.v1alpha3.IstioIngressListener;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHTTPCookieAttribute;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHTTPCookie_;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.RouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyTunnelSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.WarmupConfiguration;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.gwctl.model.resource.ResourceType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields an object must have, which fabric8's model does not record.
 *
 * <p>Istio's are the {@code required} lists of the CRDs in istio/api
 * {@code kubernetes/customresourcedefinitions.gen.yaml} (the same in all three versions; each class
 * below is used only where the CRD requires the same fields). Kubernetes' are the {@code required}
 * lists of its OpenAPI schema, for the kinds gwctl reads; {@code metadata.name} is checked on its own,
 * since the API server takes {@code generateName} instead.
 */
final class RequiredFields {

    private static final Map<Class<?>, Set<String>> REQUIRED = build();

    private RequiredFields() {
    }

    /** The required properties of objects of {@code cls}; empty when none. */
    static Set<String> of(Class<?> cls) {
        return REQUIRED.getOrDefault(cls, Set.of());
    }

    /** Every class with required properties: lets a test check each name against the model. */
    static Map<Class<?>, Set<String>> all() {
        return REQUIRED;
    }

    private static Map<Class<?>, Set<String>> build() {
        Map<Class<?>, Set<String>> m = new HashMap<>();
        // Gateway
        m.put(Server.class, Set.of("port", "hosts"));
        m.put(Port.class, Set.of("number", "protocol", "name"));
        // VirtualService; a Destination needs its host wherever it appears (routes, mirrors, egressProxy)
        m.put(Destination.class, Set.of("host"));
        m.put(HTTPRouteDestination.class, Set.of("destination"));
        m.put(RouteDestination.class, Set.of("destination"));
        m.put(HTTPMirrorPolicy.class, Set.of("destination"));
        m.put(HTTPDirectResponse.class, Set.of("status"));
        m.put(TLSRoute.class, Set.of("match"));
        m.put(TLSMatchAttributes.class, Set.of("sniHosts"));
        // DestinationRule
        m.put(io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule.class, Set.of("host"));
        m.put(Subset.class, Set.of("name"));
        m.put(LoadBalancerSettingsConsistentHashLBHTTPCookie_.class, Set.of("name"));
        m.put(LoadBalancerSettingsConsistentHashLBHTTPCookieAttribute.class, Set.of("name"));
        m.put(WarmupConfiguration.class, Set.of("duration"));
        m.put(TrafficPolicyTunnelSettings.class, Set.of("targetHost", "targetPort"));
        // ServiceEntry
        m.put(io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry.class, Set.of("hosts"));
        m.put(ServicePort.class, Set.of("number", "name"));
        // Sidecar
        m.put(IstioEgressListener.class, Set.of("hosts"));
        m.put(IstioIngressListener.class, Set.of("port"));
        // ServiceEntry and WorkloadEntry objects must have a spec at all.
        for (ResourceType t : new ResourceType[] {ResourceType.SERVICE_ENTRY, ResourceType.WORKLOAD_ENTRY}) {
            t.versions().forEach(v -> m.put(t.classFor(v), Set.of("spec")));
        }
        // Kubernetes core
        m.put(io.fabric8.kubernetes.api.model.ServicePort.class, Set.of("port"));
        m.put(EndpointAddress.class, Set.of("ip"));
        m.put(EndpointPort.class, Set.of("port"));
        m.put(PodSpec.class, Set.of("containers"));
        m.put(Container.class, Set.of("name"));
        m.put(EphemeralContainer.class, Set.of("name"));
        m.put(ContainerPort.class, Set.of("containerPort"));
        m.put(EnvVar.class, Set.of("name"));
        m.put(Volume.class, Set.of("name"));
        m.put(VolumeMount.class, Set.of("name", "mountPath"));
        // Ingress: pathType became required in networking.k8s.io/v1
        m.put(io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath.class, Set.of("pathType", "backend"));
        m.put(io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressRuleValue.class, Set.of("paths"));
        m.put(io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend.class, Set.of("name"));
        m.put(io.fabric8.kubernetes.api.model.networking.v1beta1.HTTPIngressPath.class, Set.of("backend"));
        m.put(io.fabric8.kubernetes.api.model.networking.v1beta1.HTTPIngressRuleValue.class, Set.of("paths"));
        m.put(io.fabric8.kubernetes.api.model.extensions.HTTPIngressPath.class, Set.of("backend"));
        m.put(io.fabric8.kubernetes.api.model.extensions.HTTPIngressRuleValue.class, Set.of("paths"));
        return Map.copyOf(m);
    }
}
