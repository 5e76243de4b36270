package io.gwctl.proxy;

import java.net.InetSocketAddress;

/**
 * A listener of the config and where it listens on this machine.
 *
 * @param name         the Envoy listener's name ({@code 0.0.0.0_8080})
 * @param configPort   its port in the config
 * @param localAddress the address it is bound to here (its port may differ, by {@code --port-offset})
 */
public record BoundListener(String name, int configPort, InetSocketAddress localAddress) {
}
