package io.gwctl.proxy.balance;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.OptionalLong;

/**
 * The hash of a client's address for {@code source_ip} hash policies, of routes and of TCP proxies alike: the
 * xxHash64 of the IP address as text, as Envoy hashes it (envoyproxy/envoy
 * {@code source/common/network/hash_policy.cc}, {@code SourceIpHashMethod}).
 */
public final class SourceIpHash {

    private SourceIpHash() {
    }

    /** The hash of {@code client}'s IP address; empty for an address without one. */
    public static OptionalLong of(SocketAddress client) {
        if (!(client instanceof InetSocketAddress address) || address.getAddress() == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(XxHash64.hash(address.getAddress().getHostAddress()));
    }
}
