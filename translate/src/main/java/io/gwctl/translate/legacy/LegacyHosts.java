package io.gwctl.translate.legacy;

import io.gwctl.model.legacy.IstioService;

/**
 * The host a legacy {@code IstioService} reference names, seen from a VirtualService or DestinationRule in
 * {@code namespace}. istioctl used {@code service}, else the short {@code name}, and ignored
 * {@code namespace} and {@code domain} (istio/istio#6571); here a name in another namespace becomes the
 * fully qualified {@code name.namespace.svc.domain}.
 */
final class LegacyHosts {

    static final String DEFAULT_DOMAIN = "cluster.local";

    private LegacyHosts() {
    }

    /** The host, or empty when the reference names nothing. */
    static String host(IstioService service, String namespace) {
        if (service == null) {
            return "";
        }
        if (!service.service().isEmpty()) {
            return service.service();
        }
        if (service.name().isEmpty()) {
            return "";
        }
        if (service.namespace().isEmpty() || service.namespace().equals(namespace)) {
            return service.name();
        }
        String domain = service.domain().isEmpty() ? DEFAULT_DOMAIN : service.domain();
        return service.name() + "." + service.namespace() + ".svc." + domain;
    }

    /** The namespace objects for {@code destination} go to: its own when set, else the rule's. */
    static String namespace(IstioService destination, String ruleNamespace) {
        return destination != null && !destination.namespace().isEmpty() ? destination.namespace() : ruleNamespace;
    }
}
