package io.gwctl.validate.rules.ingress;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW06xx: Kubernetes Ingress checks. Errors are what the Kubernetes API server rejects
 * ({@code ValidateIngressCreate} in pkg/apis/networking/validation/validation.go), worded as it words
 * them; warnings and notes are what Istio's Ingress support ignores or reads differently
 * (pilot/pkg/config/kube/ingress). Istio has no Ingress analyzer, so no entry has an
 * {@code istioctl analyze} code.
 */
public enum IngressCodes implements DiagnosticCode {
    PATH_TYPE_REQUIRED(CodeInfo.error("GW0601", null, "A networking.k8s.io/v1 Ingress path has no pathType.")),
    PATH_TYPE_UNSUPPORTED(CodeInfo.error("GW0602", null,
            "An Ingress path's pathType is not Exact, Prefix or ImplementationSpecific.")),
    PATH_INVALID(CodeInfo.error("GW0603", null,
            "An Ingress path is not absolute, or an Exact or Prefix path holds '//', '/./', '/../', '%2f' or ends"
                    + " in '/.' or '/..'.")),
    BACKEND_TARGET(CodeInfo.error("GW0604", null,
            "An Ingress backend names neither or both of a service and a resource, or an incomplete resource.")),
    BACKEND_SERVICE_NAME(CodeInfo.error("GW0605", null,
            "An Ingress backend's service name is missing or not a DNS-1035 label.")),
    BACKEND_SERVICE_PORT(CodeInfo.error("GW0606", null,
            "An Ingress backend's service port is missing, set by both name and number, or malformed.")),
    HOST_INVALID(CodeInfo.error("GW0607", null,
            "An Ingress rule host is an IP address or not a DNS subdomain (a wildcard only as a leading '*.').")),
    TLS_HOST_INVALID(CodeInfo.error("GW0608", null, "An Ingress TLS host is not a DNS subdomain or wildcard.")),
    TLS_SECRET_NAME_INVALID(CodeInfo.error("GW0609", null, "An Ingress TLS secretName is not a valid Secret name.")),
    NO_RULES_OR_BACKEND(CodeInfo.error("GW0610", null, "An Ingress has neither rules nor a default backend.")),
    HTTP_PATHS_REQUIRED(CodeInfo.error("GW0611", null, "An Ingress rule has an http block with no paths.")),
    INGRESS_CLASS_NAME_INVALID(CodeInfo.error("GW0612", null,
            "An Ingress's ingressClassName is not a DNS subdomain.")),
    INGRESS_CLASS_MISMATCH(CodeInfo.error("GW0613", null,
            "An Ingress's kubernetes.io/ingress.class annotation differs from its ingressClassName.")),
    NOT_ISTIO_CLASS(CodeInfo.info("GW0614", null,
            "Istio would not serve this Ingress: its class is not Istio's, or it has no class.")),
    DEFAULT_BACKEND_IGNORED(CodeInfo.warning("GW0615", null, "Istio ignores an Ingress's default backend.")),
    RULE_WITHOUT_HTTP(CodeInfo.warning("GW0616", null, "Istio skips an Ingress rule that has no http paths.")),
    RESOURCE_BACKEND_IGNORED(CodeInfo.warning("GW0617", null,
            "Istio drops an Ingress path whose backend is a resource rather than a service.")),
    TLS_WITHOUT_SECRET(CodeInfo.warning("GW0618", null,
            "Istio serves no HTTPS for an Ingress TLS entry without secretName.")),
    PATH_MATCH(CodeInfo.info("GW0619", null,
            "How Istio matches an ImplementationSpecific Ingress path: exactly, unless it ends in '/*' or '.*'."));

    private final CodeInfo info;

    IngressCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
