package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * Headers a RouteRule adds must have lower-case names and non-empty values. Istio 0.8
 * {@code ValidateRouteRule} with {@code ValidateHTTPHeaderName}: "header name cannot be empty",
 * "must be in lower case", "appended header %q must have a non-empty value".
 */
final class AppendHeadersRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        Map<String, String> headers = context.spec(RouteRuleSpec.class).appendHeaders();
        if (headers.isEmpty()) {
            return;
        }
        String parent = LegacyPaths.spec(context, "appendHeaders");
        headers.forEach((name, value) -> {
            String path = FieldPath.field(parent, name);
            LegacyNames.checkHeaderName(name).ifPresent(m -> context.report(LegacyCodes.APPEND_HEADERS, path, m));
            if (value == null || value.isEmpty()) {
                context.report(LegacyCodes.APPEND_HEADERS, path,
                        "appended header \"%s\" must have a non-empty value", name);
            }
        });
    }
}
