package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;

/**
 * A server's hosts: at least one, each a fully qualified name, optionally with a wildcard first label
 * ({@code *.example.com}, {@code *}), or an IP; optionally prefixed by {@code namespace/} where the
 * namespace is {@code *}, {@code .} or a DNS label. Istio: {@code validateServer} ("server config must
 * contain at least one host") and {@code agent.ValidateNamespaceSlashWildcardHostname} with
 * {@code validateSidecarOrGatewayHostnamePart}. Like Istio, one host can get several findings
 * ({@code foo*} is a short name, an invalid label and a partial wildcard).
 */
final class ServerHostRule extends ServerRule {

    @Override
    void checkServer(RuleContext context, int index, Server server) {
        List<String> hosts = server.getHosts();
        if (hosts == null || hosts.isEmpty()) {
            context.report(GatewayCodes.HOSTS_REQUIRED, GatewayPaths.hosts(index),
                    "server config must contain at least one host");
            return;
        }
        boolean gatewayApi = GatewayApiSemantics.applies(context.resource());
        for (int j = 0; j < hosts.size(); j++) {
            if (hosts.get(j) != null) {
                checkHost(context, GatewayPaths.host(index, j), hosts.get(j), gatewayApi);
            }
        }
    }

    private static void checkHost(RuleContext context, String path, String host, boolean gatewayApi) {
        int slash = host.indexOf('/');
        if (slash < 0) {
            checkName(context, path, host);
            return;
        }
        String namespace = host.substring(0, slash);
        String name = host.substring(slash + 1);
        if (namespace.isEmpty() || name.isEmpty()) {
            context.report(GatewayCodes.HOST_NAMESPACE, path,
                    "config namespace and dnsName in host entry cannot be empty");
        }
        boolean special = namespace.equals("*") || namespace.equals(".") || (namespace.equals("~") && gatewayApi);
        if (!special && !DnsNames.isLabel(namespace)) {
            context.report(GatewayCodes.HOST_NAMESPACE, path, "invalid namespace value %s in gateway",
                    GoFormat.quote(namespace));
        }
        checkName(context, path, name);
    }

    private static void checkName(RuleContext context, String path, String name) {
        if (!name.equals("*") && !name.contains(".")) {
            context.report(GatewayCodes.HOST_NAME, path, "short names (non FQDN) are not allowed");
        }
        DnsNames.checkWildcardDomain(name)
                .filter(problem -> !DnsNames.isIp(name))
                .ifPresent(problem -> context.report(GatewayCodes.HOST_NAME, path, problem));
        if (name.contains("*") && name.length() != 1 && !name.startsWith("*.")) {
            context.report(GatewayCodes.HOST_NAME, path, "partial wildcard %s not allowed", GoFormat.quote(name));
        }
    }
}
