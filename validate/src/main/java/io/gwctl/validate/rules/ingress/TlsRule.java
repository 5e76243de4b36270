package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * Each TLS entry's hosts are DNS subdomains (a wildcard only as a leading {@code *.}) and its
 * {@code secretName}, when set, is a valid Secret name. Kubernetes {@code validateIngressTLS} with
 * {@code IsWildcardDNS1123Subdomain}, {@code IsDNS1123Subdomain} and {@code ValidateSecretName}.
 */
final class TlsRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        for (IngressView.Tls tls : IngressView.of(context.resource()).tls()) {
            if (tls.hosts() != null) {
                for (int i = 0; i < tls.hosts().size(); i++) {
                    String host = tls.hosts().get(i) == null ? "" : tls.hosts().get(i);
                    String at = IngressPaths.tlsHost(tls.index(), i);
                    for (String message : KubernetesNames.checkHost(host)) {
                        context.report(IngressCodes.TLS_HOST_INVALID, at, FieldErrors.invalid(at, host, message));
                    }
                }
            }
            if (!tls.secretName().isEmpty()) {
                String at = IngressPaths.secretName(tls.index());
                for (String message : KubernetesNames.checkSubdomain(tls.secretName())) {
                    context.report(IngressCodes.TLS_SECRET_NAME_INVALID, at,
                            FieldErrors.invalid(at, tls.secretName(), message));
                }
            }
        }
    }
}
