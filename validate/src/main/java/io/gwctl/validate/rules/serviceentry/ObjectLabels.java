package io.gwctl.validate.rules.serviceentry;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.resource.Resource;
import java.util.Map;

/** The object's own labels ({@code metadata.labels}), some of which change how Istio treats a ServiceEntry. */
final class ObjectLabels {

    /** Opts a ServiceEntry out of automatic IP allocation when {@code "false"}. */
    static final String AUTOALLOCATE = "networking.istio.io/enable-autoallocate-ip";
    /** Sends the ServiceEntry's traffic through a waypoint unless empty or {@code none}. */
    static final String USE_WAYPOINT = "istio.io/use-waypoint";

    private ObjectLabels() {
    }

    /** The labels of {@code resource}, or an empty map. */
    static Map<String, String> of(Resource resource) {
        return resource.as(HasMetadata.class)
                .map(HasMetadata::getMetadata)
                .map(m -> m.getLabels())
                .orElse(Map.of());
    }
}
