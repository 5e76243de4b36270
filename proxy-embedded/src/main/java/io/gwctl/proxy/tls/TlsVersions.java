package io.gwctl.proxy.tls;

import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.TlsParameters;
import java.util.List;

/**
 * The TLS versions a context offers, from {@code tls_params}: {@code TLS_AUTO} takes Envoy's default, which
 * differs by side (envoyproxy/envoy {@code source/common/tls/context_config_impl.cc}: servers 1.2 to 1.3,
 * clients 1.2 to 1.2).
 */
final class TlsVersions {

    private static final List<String> NAMES = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    static final int TLS_1_2 = 2;
    static final int TLS_1_3 = 3;

    private TlsVersions() {
    }

    /** The JSSE names from the minimum to the maximum; {@code TLS_AUTO} is 1.2 for the minimum, {@code autoMax}. */
    static String[] of(TlsParameters params, int autoMax) {
        int min = index(params.getTlsMinimumProtocolVersion(), TLS_1_2);
        int max = index(params.getTlsMaximumProtocolVersion(), autoMax);
        if (min > max) {
            throw new TlsConfigException("tls_minimum_protocol_version is above tls_maximum_protocol_version");
        }
        return NAMES.subList(min, max + 1).toArray(String[]::new);
    }

    private static int index(TlsParameters.TlsProtocol protocol, int auto) {
        return switch (protocol) {
            case TLSv1_0 -> 0;
            case TLSv1_1 -> 1;
            case TLSv1_2 -> TLS_1_2;
            case TLSv1_3 -> TLS_1_3;
            default -> auto;
        };
    }
}
