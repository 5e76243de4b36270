package io.gwctl.validate.envoy;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW09xx: config Istio accepts but Envoy would reject once pilot has turned it into Envoy config (a NACK,
 * which leaves the gateway on its previous config for every route, not only the broken one: istio/istio
 * #31525, #46722). Found by rendering the config, which the translate module does.
 */
public enum EnvoyCodes implements DiagnosticCode {
    REJECTED_ROUTE(CodeInfo.error("GW0901", null,
            "Envoy would reject the route pilot builds from this VirtualService route, and with it the gateway's whole route update."));

    private final CodeInfo info;

    EnvoyCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
