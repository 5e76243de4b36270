package io.gwctl.proxy.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks up the addresses of a host name. It blocks, so it is never called on an event loop. */
@FunctionalInterface
public interface HostResolver {

    /**
     * The addresses of {@code host}, in the resolver's order.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The operating system's resolver ({@code /etc/hosts}, then DNS), through the JDK's address cache. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
