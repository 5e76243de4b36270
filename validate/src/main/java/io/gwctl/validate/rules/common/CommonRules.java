package io.gwctl.validate.rules.common;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The rules common to every Istio kind. */
public final class CommonRules {

    private CommonRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of();
    }
}
