package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * {@code ingressClassName} names an IngressClass, so it is a DNS subdomain; and when the older
 * {@code kubernetes.io/ingress.class} annotation is set as well, the two must agree. Kubernetes
 * {@code ValidateIngressSpec} ({@code ValidateIngressClassName}) and {@code ValidateIngressCreate}
 * ("must match `ingressClassName` when both are specified").
 */
final class IngressClassRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        String className = ingress.ingressClassName();
        if (className == null) {
            return;
        }
        for (String message : KubernetesNames.checkSubdomain(className)) {
            context.report(IngressCodes.INGRESS_CLASS_NAME_INVALID, IngressPaths.INGRESS_CLASS_NAME,
                    FieldErrors.invalid(IngressPaths.INGRESS_CLASS_NAME, className, message));
        }
        String annotation = ingress.classAnnotation();
        if (annotation != null && !annotation.equals(className)) {
            context.report(IngressCodes.INGRESS_CLASS_MISMATCH, IngressPaths.CLASS_ANNOTATION,
                    FieldErrors.invalid(IngressPaths.CLASS_ANNOTATION, annotation,
                            "must match `ingressClassName` when both are specified"));
        }
    }
}
