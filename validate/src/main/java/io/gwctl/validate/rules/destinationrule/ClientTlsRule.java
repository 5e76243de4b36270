package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * TLS towards the upstream, after Istio's {@code agent.ValidateTLS}:
 * <ul>
 *   <li>a {@code configmap://ns/name} credential lives in the rule's own namespace;</li>
 *   <li>{@code insecureSkipVerify} excludes what would verify the server (CA, SANs, and for SIMPLE the
 *       credential);</li>
 *   <li>with SIMPLE or MUTUAL and a {@code credentialName}, certificates come from the credential, so none
 *       may be given inline;</li>
 *   <li>otherwise MUTUAL needs a client certificate and a private key.</li>
 * </ul>
 */
final class ClientTlsRule implements ResourceRule {

    private static final String CONFIGMAP = "configmap://";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        String namespace = context.resource().namespace();
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            if (s.tls() != null) {
                check(context, DestinationRulePaths.field(s.path(), "tls"), s.tls(), namespace);
            }
        }
    }

    private static void check(RuleContext context, String path, ClientTLSSettings tls, String namespace) {
        String credential = orEmpty(tls.getCredentialName());
        if (credential.startsWith(CONFIGMAP)) {
            checkConfigMap(context, path + ".credentialName", credential, namespace);
        }
        ClientTLSSettingsTLSmode mode = tls.getMode() == null ? ClientTLSSettingsTLSmode.DISABLE : tls.getMode();
        boolean sans = tls.getSubjectAltNames() != null && !tls.getSubjectAltNames().isEmpty();
        boolean ca = !orEmpty(tls.getCaCertificates()).isEmpty();
        if (Boolean.TRUE.equals(tls.getInsecureSkipVerify())) {
            if (mode == ClientTLSSettingsTLSmode.SIMPLE && (ca || !credential.isEmpty() || sans)) {
                context.report(DestinationRuleCodes.CLIENT_TLS, path + ".insecureSkipVerify",
                        "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify "
                                + "is set true");
            }
            if (mode == ClientTLSSettingsTLSmode.MUTUAL && (ca || sans)) {
                context.report(DestinationRuleCodes.CLIENT_TLS, path + ".insecureSkipVerify",
                        "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
            }
        }
        boolean clientCert = !orEmpty(tls.getClientCertificate()).isEmpty();
        boolean key = !orEmpty(tls.getPrivateKey()).isEmpty();
        if ((mode == ClientTLSSettingsTLSmode.SIMPLE || mode == ClientTLSSettingsTLSmode.MUTUAL)
                && !credential.isEmpty()) {
            if (clientCert || ca || key || !orEmpty(tls.getCaCrl()).isEmpty()) {
                context.report(DestinationRuleCodes.CLIENT_TLS, path + ".credentialName",
                        "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
            }
            return;
        }
        if (mode == ClientTLSSettingsTLSmode.MUTUAL) {
            if (!clientCert) {
                context.report(DestinationRuleCodes.CLIENT_TLS, path, "client certificate required for mutual tls");
            }
            if (!key) {
                context.report(DestinationRuleCodes.CLIENT_TLS, path, "private key required for mutual tls");
            }
        }
    }

    /** Istio's {@code credentials.ParseResourceName} for {@code configmap://namespace/name}. */
    private static void checkConfigMap(RuleContext context, String path, String credential, String namespace) {
        String[] parts = credential.substring(CONFIGMAP.length()).split("/", -1);
        String problem = null;
        if (parts.length <= 1) {
            problem = "invalid resource name \"" + credential + "\". Expected namespace and name";
        } else if (parts[0].isEmpty()) {
            problem = "invalid resource name \"" + credential + "\". Expected namespace";
        } else if (parts[1].isEmpty()) {
            problem = "invalid resource name \"" + credential + "\". Expected name";
        }
        if (problem != null) {
            context.report(DestinationRuleCodes.CLIENT_TLS, path, "invalid configmap:// credentialName: " + problem);
        } else if (!parts[0].equals(namespace)) {
            context.report(DestinationRuleCodes.CLIENT_TLS, path,
                    "invalid configmap:// credentialName: namespace must match the configuration namespace \"%s\"",
                    namespace);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
