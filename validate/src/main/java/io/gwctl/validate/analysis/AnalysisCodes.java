package io.gwctl.validate.analysis;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW08xx: analysis across resources, after `istioctl analyze`; each maps to its IST code. */
public enum AnalysisCodes implements DiagnosticCode {
    GATEWAY_NOT_FOUND(CodeInfo.error("GW0801", "IST0101", "A VirtualService names a Gateway that does not exist."));

    private final CodeInfo info;

    AnalysisCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
