package io.gwctl.validate.rules.legacy;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW07xx: legacy `config.istio.io` RouteRule, DestinationPolicy and EgressRule checks, after Istio 0.8's `ValidateRouteRule`. */
public enum LegacyCodes implements DiagnosticCode {
    NO_DESTINATION(CodeInfo.error("GW0701", null, "A RouteRule has no destination service."));

    private final CodeInfo info;

    LegacyCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
