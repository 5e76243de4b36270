package io.gwctl.proxy;

import io.gwctl.proxy.accesslog.AccessLog;
import java.net.InetAddress;
import java.util.Objects;
import io.gwctl.proxy.runtime.ListenerRuntime;
import java.util.function.ToIntFunction;

/**
 * How the embedded gateway runs on this machine.
 *
 * @param bindAddress   the address every listener binds to ({@code 127.0.0.1} unless asked otherwise)
 * @param localPort     the local port a listener binds ({@code --port-offset}, {@code --port-map} act on its
 *                      server port); 0 binds an ephemeral port
 * @param workers       event loop threads
 * @param accessLog     where access log lines go
 * @param drainMillis   how long a shutdown waits for requests in flight
 */
public record GatewaySettings(InetAddress bindAddress, ToIntFunction<ListenerRuntime> localPort, int workers, AccessLog accessLog,
        long drainMillis) {

    public GatewaySettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(localPort, "localPort");
        Objects.requireNonNull(accessLog, "accessLog");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
    }
}
