package io.gwctl.validate.rules.gateway;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The Gateway rules. */
public final class GatewayRules {

    private GatewayRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(new ServerPortRule());
    }
}
