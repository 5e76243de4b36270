package io.gwctl.translate.envoy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.envoy.cluster.ClusterConfig;
import io.gwctl.translate.envoy.cluster.ClusterTranslator;
import io.gwctl.translate.envoy.cluster.ClusterHashPolicies;
import io.gwctl.translate.envoy.cluster.RouteHashPolicies;
import io.gwctl.translate.envoy.cluster.TcpHashPolicies;
import io.gwctl.translate.envoy.gateway.GatewayConfig;
import io.gwctl.translate.envoy.gateway.GatewayTranslator;
import io.gwctl.translate.envoy.route.HttpRouteTranslation;
import io.gwctl.translate.ingress.IngressConverter;
import io.gwctl.translate.ingress.IngressOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the Envoy config one gateway receives from Istio and Kubernetes resources: listeners and route
 * configurations from the Gateways that select it and the VirtualServices bound to them, clusters and
 * endpoints from Services, ServiceEntries and DestinationRules, and the SDS secrets its listeners and its
 * clusters' upstream TLS name.
 * Kubernetes Ingresses in the input are served as Istio serves them: converted into a Gateway and
 * VirtualServices first.
 */
public final class SnapshotBuilder {

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private SnapshotBuilder() {
    }

    public static EnvoySnapshot build(List<Resource> input, GatewayOptions options) {
        List<Resource> resources = withIngressesServed(input, options);
        ServiceCatalog services = ServiceCatalog.of(resources, options.domainSuffix());
        GatewayConfig gateway = new GatewayTranslator().translate(resources, options,
                in -> HttpRouteTranslation.translate(in).stream().findFirst(), services);
        ClusterConfig clusters = ClusterTranslator.translate(resources, services, options);
        ClusterHashPolicies hashes = new ClusterHashPolicies(resources, options);
        return new EnvoySnapshot(TcpHashPolicies.apply(gateway.listeners(), hashes),
                RouteHashPolicies.apply(gateway.routes(), hashes),
                clusters.clusters(), clusters.endpoints(),
                SdsSecrets.of(secretNames(gateway, clusters), resources, ProxyNamespace.of(resources, options.selector())),
                clusters.subsets());
    }

    /** The SDS names the listeners and the clusters use, each once. */
    private static List<String> secretNames(GatewayConfig gateway, ClusterConfig clusters) {
        Set<String> names = new LinkedHashSet<>(gateway.secrets());
        names.addAll(clusters.secretNames());
        return List.copyOf(names);
    }

    /** The input, plus the Gateway and VirtualServices Istio's Ingress support makes of its Ingresses. */
    private static List<Resource> withIngressesServed(List<Resource> input, GatewayOptions options) {
        if (input.stream().noneMatch(r -> r.type().isPresent() && r.type().get().isIngress())) {
            return input;
        }
        IngressOptions ingress = IngressOptions.defaults().withDomainSuffix(
                options.domainSuffix().isEmpty() ? "cluster.local" : options.domainSuffix());
        ConversionResult converted = new IngressConverter(ingress).convert(input);
        List<Resource> out = new ArrayList<>(input);
        ResourceReader reader = new ResourceReader("default");
        for (HasMetadata object : converted.objects()) {
            try {
                String json = JSON.writeValueAsString(object);
                out.addAll(new InMemorySource("<ingress>", json).load(reader).resources());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the Ingress conversion of " + object.getMetadata().getName(), e);
            }
        }
        return out;
    }
}
