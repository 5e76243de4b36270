package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;
import java.util.Set;

/**
 * Gateway references, in {@code spec.gateways} and in every match's {@code gateways}: {@code <ns>/<name>}
 * with both parts DNS labels, or a name without {@code /} that must be a valid FQDN ({@code mesh},
 * {@code my-gateway}, or the legacy {@code name.namespace} form, which also gets a warning). Istio
 * {@code validateGatewayNames}, which stops at the first reference without {@code /}; so does this rule.
 */
final class GatewayNamesRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        checkNames(context, vs.getGateways(), VirtualServicePaths.GATEWAYS);
        RouteMatches.http(vs, (match, path) ->
                checkNames(context, match.getGateways(), VirtualServicePaths.field(path, "gateways")));
        RouteMatches.tls(vs, (match, path) ->
                checkNames(context, match.getGateways(), VirtualServicePaths.field(path, "gateways")));
        RouteMatches.tcp(vs, (match, path) ->
                checkNames(context, match.getGateways(), VirtualServicePaths.field(path, "gateways")));
    }

    private static void checkNames(RuleContext context, List<String> names, String listPath) {
        List<String> gateways = ZeroValues.list(names);
        for (int k = 0; k < gateways.size(); k++) {
            String name = ZeroValues.text(gateways.get(k));
            String path = VirtualServicePaths.item(listPath, k);
            int slash = name.indexOf('/');
            if (slash < 0) {
                if (name.contains(".")) {
                    String[] parts = name.split("\\.", -1);
                    context.report(VirtualServiceCodes.GATEWAY_NAME_LEGACY, path, "using legacy gatewayName format "
                            + GoFormat.quote(name) + "; prefer the <namespace>/<name> format: "
                            + GoFormat.quote(parts[1] + "/" + parts[0]));
                }
                DnsNames.checkFqdn(name).ifPresent(m -> context.report(VirtualServiceCodes.GATEWAY_NAME, path, m));
                return;
            }
            String namespace = name.substring(0, slash);
            String gateway = name.substring(slash + 1);
            if (namespace.isEmpty() || gateway.isEmpty()) {
                context.report(VirtualServiceCodes.GATEWAY_NAME, path, "config namespace and gateway name cannot be empty");
            }
            if (!DnsNames.isLabel(namespace)) {
                context.report(VirtualServiceCodes.GATEWAY_NAME, path,
                        "invalid value for namespace: " + GoFormat.quote(namespace));
            }
            if (!DnsNames.isLabel(gateway)) {
                context.report(VirtualServiceCodes.GATEWAY_NAME, path,
                        "invalid value for gateway name: " + GoFormat.quote(gateway));
            }
        }
    }
}
