package io.gwctl.validate.rules.ingress;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The Ingress rules. */
public final class IngressRules {

    private IngressRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of();
    }
}
