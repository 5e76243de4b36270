package io.gwctl.validate.rules.gateway;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW02xx: Gateway checks, after Istio's {@code ValidateGateway} and the functions it calls
 * ({@code validateServer}, {@code validateServerPort}, {@code validateServerBind}, {@code validateTLSOptions}
 * in pkg/config/validation/validation.go), plus the CEL rules of the Gateway CRD (GW0227), which only the
 * API server runs.
 */
public enum GatewayCodes implements DiagnosticCode {
    GATEWAY_NAME(CodeInfo.error("GW0201", "IST0106",
            "A Gateway's name is not a DNS-1123 label (Istio rejects dots in Gateway names).")),
    SERVERS_REQUIRED(CodeInfo.error("GW0202", "IST0106", "A Gateway has no servers.")),
    SERVER_NULL(CodeInfo.error("GW0203", "IST0106", "An entry of spec.servers is empty.")),
    HOSTS_REQUIRED(CodeInfo.error("GW0204", "IST0106", "A server lists no hosts.")),
    HOST_NAME(CodeInfo.error("GW0205", "IST0106",
            "A server host is not a valid name: a short name, a bad label, or a partial wildcard.")),
    HOST_NAMESPACE(CodeInfo.error("GW0206", "IST0106",
            "A server host of the form namespace/name has an empty part or an invalid namespace.")),
    PORT_NUMBER(CodeInfo.error("GW0207", "IST0106", "A server port number is outside 1..65535.")),
    PORT_REQUIRED(CodeInfo.error("GW0208", "IST0106", "A server has no port.")),
    PORT_PROTOCOL(CodeInfo.error("GW0209", "IST0106", "A server port's protocol is not one Istio knows.")),
    PORT_TARGET_PORT(CodeInfo.error("GW0210", "IST0106",
            "A server port sets targetPort, which Gateways do not use.")),
    PORT_NAME_REQUIRED(CodeInfo.error("GW0211", "IST0106", "A server port has no name.")),
    PORT_NAME_DUPLICATE(CodeInfo.error("GW0212", "IST0106",
            "Two servers of one Gateway use the same port name.")),
    BIND_IP(CodeInfo.error("GW0213", "IST0106", "A server's bind address is neither an IP nor a unix:// socket.")),
    BIND_UNIX(CodeInfo.error("GW0214", "IST0106",
            "A unix:// bind has an empty or relative socket path, or a port number other than 0.")),
    TLS_REQUIRED(CodeInfo.error("GW0215", "IST0106", "An HTTPS or TLS server has no tls settings.")),
    TLS_ON_HTTP(CodeInfo.error("GW0216", "IST0106",
            "A plain-text HTTP server has tls settings beyond httpsRedirect.")),
    TLS_ON_PLAIN_PORT(CodeInfo.error("GW0217", "IST0106",
            "A server whose protocol is neither HTTP nor HTTPS/TLS has tls settings.")),
    HTTPS_REDIRECT(CodeInfo.warning("GW0218", "IST0133",
            "tls.httpsRedirect is set on a server that is not plain HTTP.")),
    TLS_CERTIFICATE_REQUIRED(CodeInfo.error("GW0219", "IST0106",
            "A SIMPLE or MUTUAL server without credentialName lacks a certificate, key or client CA bundle.")),
    TLS_CERTIFICATE_SOURCES(CodeInfo.error("GW0220", "IST0106",
            "A server's tls sets more than one certificate source.")),
    TLS_CERTIFICATE_COUNT(CodeInfo.warning("GW0221", "IST0133",
            "A server's tls lists more than two tlsCertificates.")),
    TLS_ISTIO_MUTUAL_CERTIFICATES(CodeInfo.error("GW0222", "IST0106",
            "An ISTIO_MUTUAL server carries its own certificates or credentials.")),
    TLS_PASSTHROUGH_CERTIFICATES(CodeInfo.warning("GW0223", "IST0133",
            "A PASSTHROUGH or AUTO_PASSTHROUGH server (the default mode) carries certificates it ignores.")),
    TLS_CRL(CodeInfo.error("GW0224", "IST0106",
            "A server's caCrl is set where Istio does not support it (SIMPLE TLS, or with credentialName).")),
    TLS_MIN_VERSION_CIPHERS(CodeInfo.warning("GW0225", "IST0133",
            "A TLS minimum version below 1.2 without cipherSuites gets no ciphers compatible with it.")),
    TLS_CIPHER_SUITES(CodeInfo.warning("GW0226", "IST0133",
            "A server's cipherSuites has unknown or repeated entries, which Istio drops.")),
    TLS_CREDENTIAL_CONFLICT(CodeInfo.error("GW0227", null,
            "A server's tls sets credentialNames together with credentialName or tlsCertificates, which the "
                    + "Gateway CRD's CEL rules forbid (the API server rejects it)."));

    private final CodeInfo info;

    GatewayCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
