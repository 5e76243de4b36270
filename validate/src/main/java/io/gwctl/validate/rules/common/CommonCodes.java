package io.gwctl.validate.rules.common;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW10xx: checks common to every Istio kind: metadata and exportTo. */
public enum CommonCodes implements DiagnosticCode {
    NAME_REQUIRED(CodeInfo.error("GW1001", null, "An object has no metadata.name."));

    private final CodeInfo info;

    CommonCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
