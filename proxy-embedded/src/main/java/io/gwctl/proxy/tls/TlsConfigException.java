package io.gwctl.proxy.tls;

/**
 * A filter chain's TLS settings cannot be served: a certificate or key that cannot be read, a key that does
 * not belong to its certificate, an SDS secret the config does not have. The message is one line naming what
 * and where, as Envoy rejects such a listener when it loads it.
 */
public final class TlsConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TlsConfigException(String message) {
        super(message);
    }

    public TlsConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same problem, prefixed with where it was found ({@code listener 0.0.0.0_443, chain ...}). */
    public TlsConfigException at(String where) {
        return new TlsConfigException(where + ": " + getMessage(), getCause());
    }
}
