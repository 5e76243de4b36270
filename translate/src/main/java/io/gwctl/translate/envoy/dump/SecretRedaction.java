package io.gwctl.translate.envoy.dump;

import io.envoyproxy.envoy.config.core.v3.DataSource;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsCertificate;

/**
 * Removes key material from a secret before it is printed, as Envoy's admin does ({@code [redacted]}):
 * private keys never leave the process; certificates stay, they are public.
 */
public final class SecretRedaction {

    static final String REDACTED = "[redacted]";

    private SecretRedaction() {
    }

    public static Secret redact(Secret secret) {
        if (!secret.hasTlsCertificate()) {
            return secret;
        }
        TlsCertificate.Builder cert = secret.getTlsCertificate().toBuilder();
        if (cert.hasPrivateKey()) {
            cert.setPrivateKey(DataSource.newBuilder().setInlineString(REDACTED));
        }
        if (cert.hasPassword()) {
            cert.setPassword(DataSource.newBuilder().setInlineString(REDACTED));
        }
        return secret.toBuilder().setTlsCertificate(cert).build();
    }
}
