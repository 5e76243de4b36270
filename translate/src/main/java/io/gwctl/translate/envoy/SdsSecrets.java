package io.gwctl.translate.envoy;

import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.CertificateValidationContext;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SDS secrets a gateway's listeners name, made from the Kubernetes Secrets of the input as Istio's
 * credential controller reads them ({@code pilot/pkg/credentials/kube/secrets.go}): {@code kubernetes://<name>}
 * is a {@code kubernetes.io/tls} Secret's {@code tls.crt} and {@code tls.key} (or a generic Secret's
 * {@code cert}/{@code key}); {@code kubernetes://<name>-cacert} is the {@code ca.crt} (or {@code cacert}) of
 * Secret {@code <name>-cacert}, else of Secret {@code <name>}. A name with no Secret in the input is left out:
 * Envoy then has no certificate for it, as a cluster without the Secret would.
 */
final class SdsSecrets {

    private static final String PREFIX = "kubernetes://";
    private static final String CA_SUFFIX = "-cacert";

    private SdsSecrets() {
    }

    /**
     * @param names     the SDS names the listeners refer to
     * @param namespace the gateway workload's namespace, where Istio reads credentials; Secrets elsewhere are
     *                  used only when none there has the name
     */
    static List<Secret> of(List<String> names, List<Resource> all, String namespace) {
        List<Resource> resources = all.stream().filter(r -> r.is(ResourceType.SECRET)).toList();
        List<Secret> out = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String credential = name.substring(PREFIX.length());
            if (credential.endsWith(CA_SUFFIX)) {
                String base = credential.substring(0, credential.length() - CA_SUFFIX.length());
                find(resources, credential, namespace).or(() -> find(resources, base, namespace))
                        .flatMap(s -> value(s, "ca.crt", "cacert"))
                        .ifPresent(ca -> out.add(Secret.newBuilder().setName(name)
                                .setValidationContext(CertificateValidationContext.newBuilder()
                                        .setTrustedCa(DataSource.newBuilder().setInlineString(ca)))
                                .build()));
                continue;
            }
            find(resources, credential, namespace).ifPresent(s -> {
                Optional<String> cert = value(s, "tls.crt", "cert");
                Optional<String> key = value(s, "tls.key", "key");
                if (cert.isPresent() && key.isPresent()) {
                    out.add(Secret.newBuilder().setName(name).setTlsCertificate(TlsCertificate.newBuilder()
                            .setCertificateChain(DataSource.newBuilder().setInlineString(cert.get()))
                            .setPrivateKey(DataSource.newBuilder().setInlineString(key.get()))).build());
                }
            });
        }
        return out;
    }

    private static Optional<Resource> find(List<Resource> resources, String name, String namespace) {
        return resources.stream().filter(r -> r.name().equals(name))
                .min(Comparator.comparing(r -> r.namespace().equals(namespace) ? 0 : 1));
    }

    /** The first of {@code keys} in {@code data} (base64) or {@code stringData}. */
    private static Optional<String> value(Resource secret, String... keys) {
        for (String section : new String[] {"stringData", "data"}) {
            if (!(secret.tree().get(section) instanceof Map<?, ?> data)) {
                continue;
            }
            for (String key : keys) {
                if (data.get(key) instanceof String v) {
                    if (section.equals("stringData")) {
                        return Optional.of(v);
                    }
                    try {
                        return Optional.of(new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty(); // not base64: the validator reports it
                    }
                }
            }
        }
        return Optional.empty();
    }
}
