package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A rule's host is a DNS name, not an IP address; a wildcard is allowed only as a whole leading label
 * ({@code *.example.com}). Kubernetes {@code validateIngressRules}: "must be a DNS name, not an IP
 * address", then {@code IsWildcardDNS1123Subdomain} or {@code IsDNS1123Subdomain}.
 */
final class HostRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        for (IngressView.Rule rule : IngressView.of(context.resource()).rules()) {
            String host = rule.host();
            if (host.isEmpty()) {
                continue;
            }
            String path = IngressPaths.host(rule.index());
            if (KubernetesNames.isIp(host)) {
                context.report(IngressCodes.HOST_INVALID, path,
                        FieldErrors.invalid(path, host, "must be a DNS name, not an IP address"));
            }
            for (String message : KubernetesNames.checkHost(host)) {
                context.report(IngressCodes.HOST_INVALID, path, FieldErrors.invalid(path, host, message));
            }
        }
    }
}
