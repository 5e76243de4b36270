package io.gwctl.translate.envoy.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import io.gwctl.model.resource.Resource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One Gateway server as merged onto a listener port (pilot {@code MergedGateway}): the Gateway it comes from,
 * its own port, the listener port it was translated to, and what kind of filter chain it needs.
 *
 * @param gateway      the Gateway resource
 * @param server       the server
 * @param serverPort   {@code server.port.number}: virtual host names and HTTPS route names keep it
 * @param listenerPort the port after translation through the workload's services
 * @param kind         the filter chain it needs
 */
record GatewayServer(Resource gateway, Server server, int serverPort, int listenerPort, Kind kind) {

    enum Kind {
        /** Plaintext HTTP: shares the port's {@code http.<port>} route configuration. */
        HTTP,
        /** HTTPS terminated at the gateway: its own chain and route configuration. */
        HTTPS_TERMINATE,
        /**
         * TLS terminated at the gateway and proxied as TCP: one chain behind the server's SNI names from the first
         * applying {@code tcp} route ({@code createGatewayTCPFilterChainOpts}, istio/istio
         * pilot/pkg/networking/core/gateway.go); {@code tls} routes serve it only in VirtualServices made from a
         * Gateway API TLSRoute.
         */
        TLS_TERMINATE,
        /** TLS passed through by SNI. */
        TLS_PASSTHROUGH,
        /** Opaque TCP. */
        TCP;

        /** Kinds of one family may share a port (pilot {@code mergeGateways}). */
        int family() {
            return switch (this) {
                case HTTP -> 0;
                case TCP -> 1;
                default -> 2;
            };
        }
    }

    /** {@code namespace/name} of the Gateway. */
    String gatewayName() {
        return gateway.namespace() + "/" + gateway.name();
    }

    List<String> hosts() {
        return server.getHosts() == null ? List.of() : server.getHosts();
    }

    /**
     * The SNI names of a TLS-family server's chain: its hosts without namespace, once each, sorted
     * ({@code GetSNIHostsForServer}, istio/istio pilot/pkg/model/gateway.go).
     */
    List<String> sniHosts() {
        return hosts().stream().map(GatewayHosts::hostPart).distinct().sorted().toList();
    }

    Optional<ServerTLSSettings> tls() {
        return Optional.ofNullable(server.getTls());
    }

    boolean httpsRedirect() {
        return tls().map(t -> Boolean.TRUE.equals(t.getHttpsRedirect())).orElse(false);
    }

    String portName() {
        return server.getPort() == null || server.getPort().getName() == null ? "" : server.getPort().getName();
    }

    /** The kind of chain a server needs, or empty for a server pilot would not serve. */
    static Optional<Kind> kindOf(Server server) {
        if (server.getPort() == null || server.getPort().getProtocol() == null) {
            return Optional.empty();
        }
        String protocol = server.getPort().getProtocol().toUpperCase(Locale.ROOT);
        ServerTLSSettingsTLSmode mode = server.getTls() == null ? null : server.getTls().getMode();
        // PASSTHROUGH is the enum's zero value (istio/api networking/v1alpha3/gateway.proto): a tls block without
        // a mode passes through, as pkg/config/gateway IsPassThroughServer reads it.
        boolean passthrough = mode == null || mode == ServerTLSSettingsTLSmode.PASSTHROUGH
                || mode == ServerTLSSettingsTLSmode.AUTO_PASSTHROUGH;
        return switch (protocol) {
            case "HTTP", "HTTP2", "GRPC", "GRPC-WEB" -> Optional.of(Kind.HTTP);
            case "HTTPS" -> server.getTls() == null ? Optional.empty()
                    : Optional.of(passthrough ? Kind.TLS_PASSTHROUGH : Kind.HTTPS_TERMINATE);
            case "TLS" -> server.getTls() == null ? Optional.empty()
                    : Optional.of(passthrough ? Kind.TLS_PASSTHROUGH : Kind.TLS_TERMINATE);
            case "TCP", "MONGO", "REDIS", "MYSQL" -> Optional.of(Kind.TCP);
            default -> Optional.empty();
        };
    }
}
