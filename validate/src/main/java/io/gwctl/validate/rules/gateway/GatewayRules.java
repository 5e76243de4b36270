package io.gwctl.validate.rules.gateway;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The Gateway rules: Istio's {@code ValidateGateway}, then the Gateway CRD's CEL rules. */
public final class GatewayRules {

    private GatewayRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(
                new GatewayNameRule(),
                new ServerListRule(),
                new ServerHostRule(),
                new ServerPortRule(),
                new PortNameUniqueRule(),
                new ServerBindRule(),
                new ServerProtocolTlsRule(),
                new HttpsRedirectRule(),
                new TlsCipherRule(),
                new IstioMutualTlsRule(),
                new PassthroughTlsRule(),
                new ServerCertificateRule(),
                new TlsCrlRule(),
                new TlsCredentialSchemaRule());
    }
}
