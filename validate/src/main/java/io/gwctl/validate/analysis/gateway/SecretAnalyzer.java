package io.gwctl.validate.analysis.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.kubernetes.api.model.Secret;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.workloads.LabelSelector;
import io.gwctl.validate.analysis.workloads.Workload;
import io.gwctl.validate.analysis.workloads.Workloads;
import io.gwctl.validate.diagnostic.GoFormat;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A server's {@code credentialName} (and each of {@code credentialNames}) must name a Secret in the
 * namespace of the gateway workload (not of the Gateway object: the proxy reads Secrets of its own
 * namespace), holding a certificate and private key that parse, with the certificate valid now.
 * Istio: {@code gateway.SecretAnalyzer} (IST0101 credentialName, IST0161), {@code ExtractCertInfo} and
 * {@code ValidateCertificate}; the key is checked too, as Envoy rejects a key it cannot load.
 *
 * <p>A Gateway that selects no workload is left to {@link IngressGatewayPortAnalyzer}; one whose
 * workloads run in several namespaces needs the Secret in each.
 */
final class SecretAnalyzer implements Analyzer {

    private final Clock clock;

    SecretAnalyzer() {
        this(Clock.systemUTC());
    }

    SecretAnalyzer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "gateway.SecretAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Map<String, Resource> secrets = new HashMap<>();
        for (Resource s : context.ofKind("", "Secret")) {
            secrets.put(s.namespace() + "/" + s.name(), s);
        }
        Workloads workloads = Workloads.of(context);
        for (Resource r : context.ofType(ResourceType.GATEWAY)) {
            Gateway gw = r.spec(Gateway.class).orElse(null);
            if (gw == null || gw.getServers() == null) {
                continue;
            }
            Set<String> namespaces = new LinkedHashSet<>();
            for (Workload pod : workloads.podsSelectedBy(LabelSelector.of(gw.getSelector()))) {
                namespaces.add(pod.namespace());
            }
            if (namespaces.isEmpty()) {
                continue;
            }
            List<Server> servers = gw.getServers();
            for (int i = 0; i < servers.size(); i++) {
                ServerTLSSettings tls = servers.get(i) == null ? null : servers.get(i).getTls();
                if (tls == null) {
                    continue;
                }
                if (tls.getCredentialName() != null && !tls.getCredentialName().isEmpty()) {
                    check(context, r, GatewayPaths.credentialName(i), tls.getCredentialName(), namespaces, secrets);
                }
                List<String> names = tls.getCredentialNames() == null ? List.of() : tls.getCredentialNames();
                for (int j = 0; j < names.size(); j++) {
                    if (names.get(j) != null && !names.get(j).isEmpty()) {
                        check(context, r, GatewayPaths.credentialNames(i, j), names.get(j), namespaces, secrets);
                    }
                }
            }
        }
    }

    private void check(AnalysisContext context, Resource gateway, String path, String credential,
            Set<String> namespaces, Map<String, Resource> secrets) {
        for (String ns : namespaces) {
            String key = credential.contains("/") ? credential : ns + "/" + credential;
            Resource secret = secrets.get(key);
            if (secret == null) {
                context.report(AnalysisCodes.CREDENTIAL_NOT_FOUND, gateway, path,
                        "Referenced credentialName not found: " + GoFormat.quote(credential));
                return;
            }
            Optional<String> problem = secret.as(Secret.class)
                    .map(s -> Credentials.problem(s, clock.instant()))
                    .orElse(Optional.of("the Secret does not match the Secret schema"));
            if (problem.isPresent()) {
                context.report(AnalysisCodes.INVALID_CREDENTIAL, gateway, path, String.format(
                        "The credential referenced by the Gateway %s in namespace %s is invalid, which can cause the "
                                + "traffic not to work as expected. Secret %s: %s.",
                        gateway.name(), secret.namespace(), key, problem.get()));
                return;
            }
        }
    }
}
