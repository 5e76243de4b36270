package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Notes how Istio matches an ImplementationSpecific path (the v1beta1 default), which other controllers
 * read differently. Istio's {@code createFallbackStringMatch} (pilot/pkg/config/kube/ingress): empty,
 * {@code *}, {@code /*} and {@code .*} match everything; a path ending in {@code .*} or {@code /*} is a
 * prefix match without that ending; any other path is an exact match, regular expression characters
 * included ("Other regular expressions are not supported", istio.io Kubernetes Ingress task). So
 * {@code /api} does not match {@code /api/users}. Only for an Ingress written for Istio.
 */
final class PathMatchRule implements ResourceRule {

    /** Characters that make a path look like a regular expression. */
    private static final Pattern REGEX_LIKE = Pattern.compile(".*[\\[\\](){}+?|^$\\\\*].*");

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        if (!ingress.forIstio()) {
            return;
        }
        for (IngressView.Path path : ingress.allPaths()) {
            String type = path.pathType() == null && !ingress.v1() ? PathRule.IMPLEMENTATION_SPECIFIC : path.pathType();
            String value = path.path() == null ? "" : path.path();
            if (!PathRule.IMPLEMENTATION_SPECIFIC.equals(type) || value.isEmpty() || value.equals("*")
                    || value.endsWith("/*") || value.endsWith(".*")) {
                continue;
            }
            String at = IngressPaths.pathValue(path.rule(), path.index());
            if (REGEX_LIKE.matcher(value).matches()) {
                context.report(IngressCodes.PATH_MATCH, at, "Istio matches ImplementationSpecific path \"%s\" exactly,"
                        + " as literal text: it reads no regular expressions in Ingress paths", value);
            } else {
                context.report(IngressCodes.PATH_MATCH, at, "Istio matches ImplementationSpecific path \"%s\" exactly;"
                        + " end it with \"/*\" or use pathType Prefix to match the paths below it too", value);
            }
        }
    }
}
