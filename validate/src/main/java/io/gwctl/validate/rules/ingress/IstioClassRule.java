package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Notes an Ingress Istio would not serve. Istio's {@code shouldProcessIngressWithClass}
 * (pilot/pkg/config/kube/ingress) takes an Ingress whose {@code kubernetes.io/ingress.class} annotation
 * equals meshConfig.ingressClass ({@code istio}); without the annotation, one whose IngressClass names
 * controller {@code istio.io/ingress-controller}; with neither, only when meshConfig.ingressControllerMode
 * is DEFAULT, and the default is STRICT. An Ingress for another controller is not a mistake, so this is
 * a note, not an error. IngressClass objects are not read, so a class name other than {@code istio} is
 * reported as a condition.
 */
final class IstioClassRule implements ResourceRule {

    private static final String CONTROLLER = "istio.io/ingress-controller";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        String annotation = ingress.classAnnotation();
        String className = ingress.ingressClassName();
        if (annotation != null) {
            if (!IngressView.ISTIO_CLASS.equals(annotation)) {
                context.report(IngressCodes.NOT_ISTIO_CLASS, IngressPaths.CLASS_ANNOTATION,
                        "Istio does not serve this Ingress: its kubernetes.io/ingress.class is \"%s\", not \"%s\""
                                + " (meshConfig.ingressClass)", annotation, IngressView.ISTIO_CLASS);
            }
        } else if (className == null) {
            context.report(IngressCodes.NOT_ISTIO_CLASS, IngressPaths.SPEC,
                    "Istio serves an Ingress without a class only when meshConfig.ingressControllerMode is DEFAULT"
                            + " (the default is STRICT); set ingressClassName or the kubernetes.io/ingress.class"
                            + " annotation to \"%s\"", IngressView.ISTIO_CLASS);
        } else if (!IngressView.ISTIO_CLASS.equals(className)) {
            context.report(IngressCodes.NOT_ISTIO_CLASS, IngressPaths.INGRESS_CLASS_NAME,
                    "Istio serves this Ingress only if IngressClass \"%s\" has controller \"%s\"", className,
                    CONTROLLER);
        }
    }
}
