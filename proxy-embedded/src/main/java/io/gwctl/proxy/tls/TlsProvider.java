package io.gwctl.proxy.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;

/**
 * The TLS implementation the gateway terminates with: BoringSSL (netty-tcnative), the library Envoy is built
 * on, when its native library loads on this machine, else the JDK's.
 */
public final class TlsProvider {

    private TlsProvider() {
    }

    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** {@code BoringSSL} or {@code JDK}, as the start-up line names it. */
    public static String name() {
        return provider() == SslProvider.OPENSSL ? "BoringSSL" : "JDK";
    }
}
