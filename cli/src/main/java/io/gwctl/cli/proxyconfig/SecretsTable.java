package io.gwctl.cli.proxyconfig;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.List;

/**
 * {@code proxy-config secret}: the SDS secrets by name and kind. Key material is never printed.
 */
public final class SecretsTable {

    private SecretsTable() {
    }

    public static String render(List<Secret> secrets) {
        TextTable table = new TextTable("RESOURCE NAME", "TYPE");
        for (Secret secret : secrets) {
            String type = secret.hasTlsCertificate() ? "Cert Chain"
                    : secret.hasValidationContext() ? "CA" : secret.getTypeCase().name();
            table.add(secret.getName(), type);
        }
        return table.render();
    }
}
