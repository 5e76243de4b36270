package io.gwctl.validate.rules.destinationrule;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The DestinationRule rules. */
public final class DestinationRuleRules {

    private DestinationRuleRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of();
    }
}
