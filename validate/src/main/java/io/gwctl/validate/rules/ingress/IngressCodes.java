package io.gwctl.validate.rules.ingress;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW06xx: Kubernetes Ingress checks (what the API server and Istio's Ingress support require). */
public enum IngressCodes implements DiagnosticCode {
    PATH_TYPE_REQUIRED(CodeInfo.error("GW0601", null, "A networking.k8s.io/v1 Ingress path has no pathType."));

    private final CodeInfo info;

    IngressCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
