package io.gwctl.validate.rules.common;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.Validator;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Annotations Istio refuses on every networking kind, after {@code validateMetadata} and
 * {@code checkDryRunAnnotation} (pkg/config/validation/validation.go):
 * <ul>
 *   <li>{@code internal.istio.io/webhook-always-reject}: "%q annotation found, rejecting";</li>
 *   <li>{@code internal.istio.io/parent-namespace}, {@code internal.istio.io/parents}: "%q annotation found,
 *       this may not be set by users" (they would escalate privileges);</li>
 *   <li>{@code istio.io/dry-run}, which only AuthorizationPolicy supports:
 *       "%s/%s has unsupported annotation %s, please remove the annotation".</li>
 * </ul>
 * Istio stops at the first of these and skips the kind's own checks; gwctl reports each one and still
 * runs the other rules, so one pass shows every problem.
 */
final class AnnotationRule implements Validator.UntypedRule {

    private static final String ALWAYS_REJECT = "internal.istio.io/webhook-always-reject";
    private static final List<String> INTERNAL = List.of("internal.istio.io/parent-namespace", "internal.istio.io/parents");
    private static final String DRY_RUN = "istio.io/dry-run";

    @Override
    public Set<ResourceType> kinds() {
        return CommonRules.ISTIO_KINDS;
    }

    @Override
    public void check(RuleContext context) {
        Resource resource = context.resource();
        Map<?, ?> annotations = Metadata.annotations(resource);
        if (annotations.containsKey(DRY_RUN)) {
            context.report(CommonCodes.DRY_RUN, path(DRY_RUN),
                    "%s/%s has unsupported annotation %s, please remove the annotation",
                    resource.namespace(), resource.name(), DRY_RUN);
        }
        if (annotations.containsKey(ALWAYS_REJECT)) {
            context.report(CommonCodes.ALWAYS_REJECT, path(ALWAYS_REJECT),
                    "\"%s\" annotation found, rejecting", ALWAYS_REJECT);
        }
        for (String internal : INTERNAL) {
            if (annotations.containsKey(internal)) {
                context.report(CommonCodes.INTERNAL_ANNOTATION, path(internal),
                        "\"%s\" annotation found, this may not be set by users", internal);
            }
        }
    }

    private static String path(String annotation) {
        return FieldPath.field("metadata.annotations", annotation);
    }
}
