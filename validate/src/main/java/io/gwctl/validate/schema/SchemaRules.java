package io.gwctl.validate.schema;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The schema checks; they run before every other rule. */
public final class SchemaRules {

    private SchemaRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(new SchemaRule());
    }
}
