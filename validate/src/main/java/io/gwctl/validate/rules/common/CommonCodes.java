package io.gwctl.validate.rules.common;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW10xx: checks common to every Istio networking kind: the object's metadata (what the API server and
 * Istio's {@code validateMetadata} require) and {@code exportTo} (Istio's {@code validateExportTo}).
 */
public enum CommonCodes implements DiagnosticCode {
    NAME_REQUIRED(CodeInfo.error("GW1001", null, "An object has no metadata.name.")),
    NAME_INVALID(CodeInfo.error("GW1002", null,
            "metadata.name is not a DNS-1123 subdomain, so the API server rejects the object.")),
    ALWAYS_REJECT(CodeInfo.error("GW1003", "IST0106",
            "The object carries Istio's internal always-reject annotation, so Istio rejects it.")),
    INTERNAL_ANNOTATION(CodeInfo.error("GW1004", "IST0106",
            "The object carries an internal Istio annotation that users may not set.")),
    DRY_RUN(CodeInfo.error("GW1005", "IST0106",
            "The istio.io/dry-run annotation is set on a kind other than AuthorizationPolicy.")),
    EXPORT_TO_DUPLICATE(CodeInfo.error("GW1006", "IST0106", "An exportTo entry is listed twice.")),
    EXPORT_TO_VALUE(CodeInfo.error("GW1007", "IST0106",
            "An exportTo entry is not '.', '*' or a namespace name (or '~' on a ServiceEntry).")),
    EXPORT_TO_PUBLIC_AND_OTHERS(CodeInfo.error("GW1008", "IST0106",
            "exportTo lists '*' together with other entries.")),
    EXPORT_TO_NONE_AND_OTHERS(CodeInfo.error("GW1009", "IST0106",
            "A ServiceEntry's exportTo lists '~' (no one) together with other entries."));

    private final CodeInfo info;

    CommonCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
