package io.gwctl.validate.rules.virtualservice;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The VirtualService rules. */
public final class VirtualServiceRules {

    private VirtualServiceRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of();
    }
}
