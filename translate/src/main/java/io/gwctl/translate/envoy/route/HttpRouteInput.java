package io.gwctl.translate.envoy.route;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.envoy.ServiceCatalog;
import java.util.Objects;

/**
 * One VirtualService HTTP route being turned into Envoy routes, with what the translation needs to know
 * about where it is served.
 *
 * @param virtualService the VirtualService it belongs to (for metadata, namespace, and finding positions)
 * @param route          the route
 * @param index          its index in {@code spec.http}
 * @param listenerPort   the port of the listener serving it: the default destination port when the service
 *                       has several and the route names none
 * @param domainSuffix   the cluster domain suffix for short host names
 * @param services       the services of the input, for destination ports
 */
public record HttpRouteInput(Resource virtualService, HTTPRoute route, int index, int listenerPort,
        String domainSuffix, ServiceCatalog services) {

    public HttpRouteInput {
        Objects.requireNonNull(virtualService, "virtualService");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(domainSuffix, "domainSuffix");
        Objects.requireNonNull(services, "services");
    }

    /** {@code spec.http[i]}: where findings about this route point. */
    public String path() {
        return "spec.http[" + index + "]";
    }
}
