package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.MatchCondition;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.legacy.StringMatch;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header matches of a RouteRule: each header name is lower case, each match sets exact, prefix or
 * regex, and a match on the request path ({@code uri}) is not empty. Istio 0.8
 * {@code ValidateMatchCondition}, {@code ValidateHTTPHeaderName}, {@code ValidateStringMatch}; the
 * messages keep the two spaces Istio's error prefixing put after "invalid:".
 */
final class MatchRequestRule implements ResourceRule {

    private static final String URI = "uri";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        MatchCondition match = context.spec(RouteRuleSpec.class).match();
        if (match == null || match.request() == null) {
            return;
        }
        for (Map.Entry<String, StringMatch> header : match.request().headers().entrySet()) {
            String name = header.getKey();
            String path = FieldPath.field("spec.match.request.headers", name);
            LegacyNames.checkHeaderName(name).ifPresent(m -> context.report(LegacyCodes.MATCH_REQUEST, path,
                    "header name \"%s\" invalid:  %s", name, m));
            StringMatch value = header.getValue();
            if (value == null || value.type() == null) {
                context.report(LegacyCodes.MATCH_REQUEST, path,
                        "header \"%s\" value invalid:  unrecognized string match \"\"", name);
            } else if (name.equals(URI) && value.value().isEmpty()) {
                String type = value.type().name().toLowerCase(Locale.ROOT);
                context.report(LegacyCodes.MATCH_REQUEST, FieldPath.field(path, type),
                        "%s header value for \"uri\" must be non-empty", type);
            }
        }
    }
}
