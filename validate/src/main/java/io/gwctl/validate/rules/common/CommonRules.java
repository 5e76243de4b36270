package io.gwctl.validate.rules.common;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import java.util.List;
import java.util.Set;

/** The rules common to every Istio networking kind. */
public final class CommonRules {

    /** The kinds Istio validates with {@code validateMetadata} first (every registered validator). */
    public static final Set<ResourceType> ISTIO_KINDS = Set.of(ResourceType.GATEWAY, ResourceType.VIRTUAL_SERVICE,
            ResourceType.DESTINATION_RULE, ResourceType.SERVICE_ENTRY, ResourceType.WORKLOAD_ENTRY,
            ResourceType.SIDECAR);

    private CommonRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(new NameRule(), new AnnotationRule(), new ExportToRule());
    }
}
