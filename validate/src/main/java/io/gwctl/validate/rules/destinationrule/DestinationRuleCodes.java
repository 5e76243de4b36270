package io.gwctl.validate.rules.destinationrule;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW04xx: DestinationRule checks, after Istio's `ValidateDestinationRule`. */
public enum DestinationRuleCodes implements DiagnosticCode {
    HOST(CodeInfo.error("GW0401", "IST0106", "The host is not a valid (wildcard) domain name."));

    private final CodeInfo info;

    DestinationRuleCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
