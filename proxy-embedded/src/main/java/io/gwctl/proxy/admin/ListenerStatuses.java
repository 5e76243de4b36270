package io.gwctl.proxy.admin;

import io.envoyproxy.envoy.admin.v3.ListenerStatus;
import io.envoyproxy.envoy.admin.v3.Listeners;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.netty.util.NetUtil;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * {@code /listeners}, as Envoy's admin prints it (envoyproxy/envoy source/server/admin/listeners_handler.cc):
 * {@code name::ip:port} per listener, or the {@code envoy.admin.v3.Listeners} message for {@code ?format=json}.
 * Addresses are the bound ones, so a listener configured on port 0 shows the port it got.
 */
final class ListenerStatuses {

    private ListenerStatuses() {
    }

    static Listeners proto(List<ListenerState> listeners) {
        Listeners.Builder out = Listeners.newBuilder();
        for (ListenerState listener : listeners) {
            out.addListenerStatuses(ListenerStatus.newBuilder()
                    .setName(listener.name())
                    .setLocalAddress(Address.newBuilder().setSocketAddress(SocketAddress.newBuilder()
                            .setAddress(ip(listener.boundAddress()))
                            .setPortValue(listener.boundAddress().getPort()))));
        }
        return out.build();
    }

    /** The address as Envoy prints it ({@code ::} rather than {@code 0:0:0:0:0:0:0:0}). */
    private static String ip(InetSocketAddress address) {
        return address.isUnresolved() ? address.getHostString() : NetUtil.toAddressString(address.getAddress());
    }

    static String text(Listeners listeners) {
        StringBuilder out = new StringBuilder();
        for (ListenerStatus listener : listeners.getListenerStatusesList()) {
            out.append(listener.getName()).append("::")
                    .append(ClusterStatuses.hostAddress(listener.getLocalAddress().getSocketAddress())).append('\n');
        }
        return out.toString();
    }
}
