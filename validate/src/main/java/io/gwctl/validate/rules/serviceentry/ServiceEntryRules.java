package io.gwctl.validate.rules.serviceentry;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The ServiceEntry rules. */
public final class ServiceEntryRules {

    private ServiceEntryRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of();
    }
}
