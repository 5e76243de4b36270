package io.gwctl.validate.rules.gateway;

import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Map;

/**
 * The Gateway CRD's CEL rules on a server's {@code tls} (istio/api kubernetes/customresourcedefinitions.gen.yaml,
 * {@code x-kubernetes-validations}): the API server refuses credentialNames together with tlsCertificates,
 * "only one of credentialNames or tlsCertificates can be set", and credentialName together with
 * credentialNames, "only one of credentialName or credentialNames can be set". {@code istioctl validate}
 * does not run these; {@code kubectl apply} fails on them.
 *
 * <p>CEL's {@code has()} asks whether the field is written, not whether it is non-empty, so this reads the
 * YAML as written ({@code credentialNames: []} counts; an explicit null does not, as the API server prunes
 * it). The CRD has a third rule, whose message reads "only one of credentialName or tlsCertificates can be
 * set", but its expression repeats the first rule's (credentialNames and tlsCertificates), so the API server
 * accepts credentialName with tlsCertificates; gwctl reports each check the API server makes once, with the
 * message that names it. (Istio's own validator rejects that pair as {@link GatewayCodes#TLS_CERTIFICATE_SOURCES}.)
 */
final class TlsCredentialSchemaRule extends TlsRule {

    @Override
    void checkTls(RuleContext context, int index, ServerTls tls) {
        Map<?, ?> written = writtenTls(context, index);
        if (written == null || !has(written, "credentialNames")) {
            return;
        }
        String path = GatewayPaths.tls(index, "credentialNames");
        if (has(written, "tlsCertificates")) {
            context.report(GatewayCodes.TLS_CREDENTIAL_CONFLICT, path,
                    "only one of credentialNames or tlsCertificates can be set");
        }
        if (has(written, "credentialName")) {
            context.report(GatewayCodes.TLS_CREDENTIAL_CONFLICT, path,
                    "only one of credentialName or credentialNames can be set");
        }
    }

    /** {@code spec.servers[index].tls} as written, or null. */
    private static Map<?, ?> writtenTls(RuleContext context, int index) {
        if (context.resource().tree().get("spec") instanceof Map<?, ?> spec
                && spec.get("servers") instanceof List<?> servers
                && index < servers.size()
                && servers.get(index) instanceof Map<?, ?> server
                && server.get("tls") instanceof Map<?, ?> tls) {
            return tls;
        }
        return null;
    }

    private static boolean has(Map<?, ?> object, String field) {
        return object.get(field) != null;
    }
}
