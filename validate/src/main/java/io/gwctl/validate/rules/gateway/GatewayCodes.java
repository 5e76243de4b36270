package io.gwctl.validate.rules.gateway;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW02xx: Gateway checks, after Istio's `ValidateGateway` (pilot/pkg/config/validation). */
public enum GatewayCodes implements DiagnosticCode {
    PORT_NUMBER(CodeInfo.error("GW0207", "IST0106", "A server port number is outside 1..65535."));

    private final CodeInfo info;

    GatewayCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
