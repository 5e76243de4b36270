package io.gwctl.validate.rules.serviceentry;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW05xx: ServiceEntry checks, after Istio's `ValidateServiceEntry`. */
public enum ServiceEntryCodes implements DiagnosticCode {
    NO_HOSTS(CodeInfo.error("GW0501", "IST0106", "A ServiceEntry has no hosts."));

    private final CodeInfo info;

    ServiceEntryCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
