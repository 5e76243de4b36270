package io.gwctl.validate.rules.gateway;

import io.gwctl.model.resource.Resource;
import java.util.Map;

/**
 * Whether a Gateway carries Istio's internal annotation {@code internal.istio.io/gateway-semantics: gateway},
 * which marks one Istio generated from a Kubernetes Gateway API resource. Istio then relaxes two checks:
 * the name may be any string, and a host may use the namespace {@code ~} (no routes attached).
 */
final class GatewayApiSemantics {

    static final String ANNOTATION = "internal.istio.io/gateway-semantics";

    private GatewayApiSemantics() {
    }

    static boolean applies(Resource resource) {
        if (!(resource.tree().get("metadata") instanceof Map<?, ?> metadata)) {
            return false;
        }
        return metadata.get("annotations") instanceof Map<?, ?> annotations
                && "gateway".equals(annotations.get(ANNOTATION));
    }
}
