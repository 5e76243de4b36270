package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSCertificate;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSProtocol;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.List;
import java.util.Objects;

/**
 * A server's {@code tls} read the way Istio's Go code reads the proto: an absent string is empty, an absent
 * list is empty, and an absent {@code mode} is {@code PASSTHROUGH}, the enum's zero value
 * (istio/api networking/v1alpha3/gateway.proto). That default is why {@code tls: {httpsRedirect: true}}
 * is a passthrough setting and why {@code credentialName} without {@code mode} is ignored.
 */
final class ServerTls {

    private final ServerTLSSettings tls;

    ServerTls(ServerTLSSettings tls) {
        this.tls = Objects.requireNonNull(tls, "tls");
    }

    ServerTLSSettingsTLSmode mode() {
        return tls.getMode() == null ? ServerTLSSettingsTLSmode.PASSTHROUGH : tls.getMode();
    }

    /** PASSTHROUGH or AUTO_PASSTHROUGH ({@code gateway.IsPassThroughServer}). */
    boolean isPassthrough() {
        return mode() == ServerTLSSettingsTLSmode.PASSTHROUGH || mode() == ServerTLSSettingsTLSmode.AUTO_PASSTHROUGH;
    }

    /** SIMPLE, MUTUAL or OPTIONAL_MUTUAL: the modes that terminate TLS with the user's certificates. */
    boolean terminates() {
        return mode() == ServerTLSSettingsTLSmode.SIMPLE || mode() == ServerTLSSettingsTLSmode.MUTUAL
                || mode() == ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL;
    }

    boolean httpsRedirect() {
        return Boolean.TRUE.equals(tls.getHttpsRedirect());
    }

    String serverCertificate() {
        return text(tls.getServerCertificate());
    }

    String privateKey() {
        return text(tls.getPrivateKey());
    }

    String caCertificates() {
        return text(tls.getCaCertificates());
    }

    String caCrl() {
        return text(tls.getCaCrl());
    }

    String credentialName() {
        return text(tls.getCredentialName());
    }

    List<String> credentialNames() {
        return list(tls.getCredentialNames());
    }

    /** The entries of {@code tlsCertificates}; an entry may be null where the YAML item is empty. */
    List<ServerTLSSettingsTLSCertificate> tlsCertificates() {
        return list(tls.getTlsCertificates());
    }

    List<String> cipherSuites() {
        return list(tls.getCipherSuites());
    }

    /** Whether credentialName or credentialNames is set: certificates come from a Secret. */
    boolean hasCredentials() {
        return !credentialName().isEmpty() || !credentialNames().isEmpty();
    }

    /** The minimum TLS version, or null when not set. */
    ServerTLSSettingsTLSProtocol minProtocolVersion() {
        return tls.getMinProtocolVersion();
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : value;
    }
}
