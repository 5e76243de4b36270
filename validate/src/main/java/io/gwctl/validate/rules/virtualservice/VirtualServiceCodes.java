package io.gwctl.validate.rules.virtualservice;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW03xx: VirtualService checks, after Istio's `ValidateVirtualService`. */
public enum VirtualServiceCodes implements DiagnosticCode {
    NO_ROUTES(CodeInfo.error("GW0301", "IST0106", "A VirtualService has none of http, tcp or tls."));

    private final CodeInfo info;

    VirtualServiceCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
