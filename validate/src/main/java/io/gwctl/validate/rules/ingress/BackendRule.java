package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Each backend (the default one and every path's) names exactly one of a service and a resource; a
 * service has a DNS-1035 name and a port given by name or by number; a resource has a kind and a name.
 * Kubernetes {@code validateIngressBackend} and {@code validateIngressTypedLocalObjectReference}, with
 * {@code ValidateServiceName}, {@code IsValidPortName} and {@code IsValidPortNum}. A v1 path without
 * {@code pathType} gets its backend checked too, where the server stops at the first problem.
 */
final class BackendRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        if (ingress.defaultBackend() != null) {
            check(context, ingress.defaultBackend(), ingress.v1());
        }
        for (IngressView.Path path : ingress.allPaths()) {
            check(context, path.backend(), ingress.v1());
        }
    }

    private static void check(RuleContext context, IngressView.Backend backend, boolean v1) {
        String at = backend.at();
        if (backend.service() != null && backend.resource() != null) {
            context.report(IngressCodes.BACKEND_TARGET, at,
                    FieldErrors.invalid(at, "", "cannot set both resource and service backends"));
        } else if (backend.resource() != null) {
            checkResource(context, IngressPaths.resource(at), backend.resource());
        } else if (backend.service() != null) {
            checkService(context, at, backend.service(), v1);
        } else {
            context.report(IngressCodes.BACKEND_TARGET, at,
                    FieldErrors.invalid(at, "", "resource or service backend is required"));
        }
    }

    private static void checkService(RuleContext context, String at, IngressView.Service service, boolean v1) {
        String namePath = IngressPaths.serviceName(at, v1);
        if (service.name().isEmpty()) {
            context.report(IngressCodes.BACKEND_SERVICE_NAME, namePath, FieldErrors.required(namePath, ""));
        } else {
            for (String message : KubernetesNames.checkDns1035Label(service.name())) {
                context.report(IngressCodes.BACKEND_SERVICE_NAME, namePath,
                        FieldErrors.invalid(namePath, service.name(), message));
            }
        }
        boolean hasName = !service.portName().isEmpty();
        boolean hasNumber = service.portNumber() != 0;
        if (hasName && hasNumber) {
            context.report(IngressCodes.BACKEND_SERVICE_PORT, IngressPaths.servicePort(at, v1),
                    FieldErrors.invalid(at, "", "cannot set both port name & port number"));
        } else if (hasName) {
            String portPath = IngressPaths.servicePortName(at, v1);
            for (String message : KubernetesNames.checkPortName(service.portName())) {
                context.report(IngressCodes.BACKEND_SERVICE_PORT, portPath,
                        FieldErrors.invalid(portPath, service.portName(), message));
            }
        } else if (hasNumber) {
            String portPath = IngressPaths.servicePortNumber(at, v1);
            for (String message : KubernetesNames.checkPortNumber(service.portNumber())) {
                context.report(IngressCodes.BACKEND_SERVICE_PORT, portPath,
                        FieldErrors.invalid(portPath, service.portNumber(), message));
            }
        } else {
            context.report(IngressCodes.BACKEND_SERVICE_PORT, IngressPaths.servicePort(at, v1),
                    FieldErrors.required(at, "port name or number is required"));
        }
    }

    private static void checkResource(RuleContext context, String at, IngressView.ResourceRef resource) {
        if (resource.apiGroup() != null) {
            for (String message : KubernetesNames.checkSubdomain(resource.apiGroup())) {
                context.report(IngressCodes.BACKEND_TARGET, at + ".apiGroup",
                        FieldErrors.invalid(at + ".apiGroup", resource.apiGroup(), message));
            }
        }
        checkSegment(context, at + ".kind", resource.kind());
        checkSegment(context, at + ".name", resource.name());
    }

    private static void checkSegment(RuleContext context, String at, String value) {
        if (value.isEmpty()) {
            context.report(IngressCodes.BACKEND_TARGET, at, FieldErrors.required(at, ""));
            return;
        }
        for (String message : KubernetesNames.checkPathSegmentName(value)) {
            context.report(IngressCodes.BACKEND_TARGET, at, FieldErrors.invalid(at, value, message));
        }
    }
}
