package io.gwctl.validate.rules.common;

import io.gwctl.model.resource.Resource;
import java.util.Map;

/**
 * The {@code metadata} of an object as written, for checks that must also run when the object did not
 * bind to its type (metadata problems are independent of the spec's shape).
 */
final class Metadata {

    private Metadata() {
    }

    /** {@code metadata}, or an empty map when it is missing or not a mapping. */
    static Map<?, ?> of(Resource resource) {
        return resource.tree().get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    }

    /** {@code metadata.annotations}, or an empty map. */
    static Map<?, ?> annotations(Resource resource) {
        return of(resource).get("annotations") instanceof Map<?, ?> m ? m : Map.of();
    }
}
