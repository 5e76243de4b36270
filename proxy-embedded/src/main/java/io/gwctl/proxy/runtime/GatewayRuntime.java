package io.gwctl.proxy.runtime;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.endpoint.v3.ClusterLoadAssignment;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import io.envoyproxy.envoy.config.endpoint.v3.LocalityLbEndpoints;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.gwctl.proxy.dns.DnsAnswers;
import io.gwctl.proxy.dns.DnsClusters;
import io.gwctl.proxy.dns.DnsLookup;
import io.gwctl.proxy.tcp.TcpProxyRoute;
import io.gwctl.proxy.tls.ClientTls;
import io.gwctl.proxy.tls.SecretSource;
import io.gwctl.proxy.tls.ServerTls;
import io.gwctl.proxy.tls.TlsConfigException;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.match.RouteTable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@link EnvoySnapshot} prepared for serving: route tables compiled once, clusters with the endpoints they
 * reach on this machine. Immutable; a reload builds a new one and swaps it in, so a request keeps the
 * runtime it started with.
 */
public final class GatewayRuntime {

    private static final String HTTP_CONNECTION_MANAGER = "envoy.filters.network.http_connection_manager";
    private static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";

    private final EnvoySnapshot snapshot;
    private final Map<Integer, ListenerRuntime> listeners;
    private final Map<String, UpstreamCluster> clusters;
    private final Set<Path> certificateFiles;
    private final List<UpstreamOverride> overrides;
    private final DnsAnswers dns;
    private final Map<String, ClientTls> tls;

    private GatewayRuntime(EnvoySnapshot snapshot, Map<Integer, ListenerRuntime> listeners,
            Map<String, UpstreamCluster> clusters, Set<Path> certificateFiles, List<UpstreamOverride> overrides,
            DnsAnswers dns, Map<String, ClientTls> tls) {
        this.snapshot = snapshot;
        this.listeners = listeners;
        this.clusters = clusters;
        this.certificateFiles = Set.copyOf(certificateFiles);
        this.overrides = overrides;
        this.dns = dns;
        this.tls = tls;
    }

    /**
     * Prepares {@code snapshot}; a cluster's endpoints come from the {@code overrides} serving its host and
     * port (for a subset cluster, those with the subset's labels), else from the snapshot's endpoints, host names
     * of DNS clusters looked up with the system resolver. Every filter chain and every cluster's upstream TLS is
     * compiled, TLS contexts with the key material they name read now. Blocks for DNS: never call it on an event
     * loop.
     *
     * @throws TlsConfigException when a chain's or a cluster's certificate, key or CA cannot be read or used
     */
    public static GatewayRuntime compile(EnvoySnapshot snapshot, List<UpstreamOverride> overrides) {
        return compile(snapshot, overrides, DnsLookup.system());
    }

    /** The same, looking host names up with {@code lookup}. */
    public static GatewayRuntime compile(EnvoySnapshot snapshot, List<UpstreamOverride> overrides, DnsLookup lookup) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(lookup, "lookup");
        Map<String, RouteTable> tables = new LinkedHashMap<>();
        for (RouteConfiguration route : snapshot.routes()) {
            tables.put(route.getName(), RouteTable.compile(route));
        }
        SecretSource secrets = new SecretSource(snapshot.secrets());
        Map<Integer, ListenerRuntime> listeners = new LinkedHashMap<>();
        for (Listener l : snapshot.listeners()) {
            int port = l.getAddress().getSocketAddress().getPortValue();
            if (listeners.containsKey(port)) {
                continue;
            }
            List<FilterChainRuntime> chains = new ArrayList<>();
            for (int i = 0; i < l.getFilterChainsCount(); i++) {
                chains.add(chain(l, i, tables, secrets));
            }
            ConnectionManager serving = chains.stream().map(FilterChainRuntime::connectionManager)
                    .filter(Objects::nonNull).filter(cm -> cm.routes() != null).findFirst().orElse(null);
            listeners.put(port, new ListenerRuntime(l, port, serverPort(serving, port), chains));
        }
        Map<String, ClientTls> tls = new LinkedHashMap<>();
        for (Cluster c : snapshot.clusters()) {
            ClientTls context = ClientTls.compile(c, secrets);
            if (context != null) {
                tls.put(c.getName(), context);
            }
        }
        List<UpstreamOverride> fixed = List.copyOf(overrides);
        DnsAnswers dns = lookup.resolve(dnsHosts(snapshot, fixed));
        return new GatewayRuntime(snapshot, Map.copyOf(listeners), clusters(snapshot, fixed, dns, tls),
                secrets.files(), fixed, dns, Map.copyOf(tls));
    }

    /** What the host names of this runtime's DNS clusters resolved to. */
    public DnsAnswers dns() {
        return dns;
    }

    /**
     * This runtime with the endpoints of its DNS clusters taken from {@code answers}; listeners and routes are
     * kept. Itself when nothing changed.
     */
    public GatewayRuntime withDns(DnsAnswers answers) {
        Objects.requireNonNull(answers, "answers");
        if (answers.equals(dns)) {
            return this;
        }
        return new GatewayRuntime(snapshot, listeners, clusters(snapshot, overrides, answers, tls), certificateFiles,
                overrides, answers, tls);
    }

    /**
     * Compiles chain {@code index} of {@code listener}; a TLS context that cannot be built fails the whole config,
     * as Envoy rejects a listener whose certificate it cannot load.
     *
     * @throws TlsConfigException naming the listener and the chain
     */
    private static FilterChainRuntime chain(Listener listener, int index, Map<String, RouteTable> tables,
            SecretSource secrets) {
        FilterChain chain = listener.getFilterChains(index);
        ConnectionManager cm = connectionManager(chain, tables);
        TcpProxy tcp = tcpProxy(chain);
        String name = !chain.getName().isEmpty() ? chain.getName()
                : cm != null ? cm.routeConfigName()
                : tcp != null ? tcp.getStatPrefix() : "#" + index;
        ServerTls tls = null;
        if (chain.hasTransportSocket() && chain.getTransportSocket().getTypedConfig().is(DownstreamTlsContext.class)) {
            try {
                DownstreamTlsContext context = chain.getTransportSocket().getTypedConfig()
                        .unpack(DownstreamTlsContext.class);
                long timeout = chain.hasTransportSocketConnectTimeout()
                        ? ListenerRuntime.millis(chain.getTransportSocketConnectTimeout()) : 0;
                tls = ServerTls.compile(context, secrets, timeout);
            } catch (InvalidProtocolBufferException e) {
                throw new TlsConfigException("listener " + listener.getName() + ", chain " + name
                        + ": unreadable DownstreamTlsContext (" + e.getMessage() + ")", e);
            } catch (TlsConfigException e) {
                throw e.at("listener " + listener.getName() + ", chain " + name);
            }
        }
        return new FilterChainRuntime(chain, name, tls, cm, tcp == null ? null : TcpProxyRoute.of(tcp));
    }

    private static TcpProxy tcpProxy(FilterChain chain) {
        for (Filter f : chain.getFiltersList()) {
            if (f.getName().equals(TCP_PROXY) || f.getTypedConfig().is(TcpProxy.class)) {
                try {
                    return f.getTypedConfig().unpack(TcpProxy.class);
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The files the config's certificates, keys and CAs were read from (as absolute paths): a change to one is a
     * change of config.
     */
    public Set<Path> certificateFiles() {
        return certificateFiles;
    }

    public EnvoySnapshot snapshot() {
        return snapshot;
    }

    /** The listeners by their port in the config, in the snapshot's order. */
    public List<ListenerRuntime> listeners() {
        List<ListenerRuntime> ordered = new ArrayList<>();
        for (Listener l : snapshot.listeners()) {
            ListenerRuntime r = listeners.get(l.getAddress().getSocketAddress().getPortValue());
            if (r != null && r.proto() == l) {
                ordered.add(r);
            }
        }
        return ordered;
    }

    /** The listener on {@code port}, or null. */
    public ListenerRuntime listener(int port) {
        return listeners.get(port);
    }

    /** The cluster named {@code name}, or null when the snapshot has none (Envoy answers 503). */
    public UpstreamCluster cluster(String name) {
        return clusters.get(name);
    }

    public List<UpstreamCluster> clusters() {
        return snapshot.clusters().stream().map(c -> clusters.get(c.getName())).toList();
    }

    /** The server port in Istio's virtual host names ({@code httpbin.example.com:80}), else the listener's. */
    private static int serverPort(ConnectionManager cm, int listenerPort) {
        if (cm == null || cm.routes() == null) {
            return listenerPort;
        }
        for (var vh : cm.routes().config().getVirtualHostsList()) {
            int colon = vh.getName().lastIndexOf(':');
            if (colon > 0) {
                try {
                    return Integer.parseInt(vh.getName().substring(colon + 1));
                } catch (NumberFormatException e) {
                    // Not Istio's naming: keep looking.
                }
            }
        }
        return listenerPort;
    }

    private static ConnectionManager connectionManager(FilterChain chain, Map<String, RouteTable> tables) {
        for (Filter f : chain.getFiltersList()) {
            Any config = f.getTypedConfig();
            if (f.getName().equals(HTTP_CONNECTION_MANAGER) || config.is(HttpConnectionManager.class)) {
                try {
                    HttpConnectionManager hcm = config.unpack(HttpConnectionManager.class);
                    RouteTable table = hcm.hasRouteConfig() ? RouteTable.compile(hcm.getRouteConfig())
                            : tables.get(hcm.getRds().getRouteConfigName());
                    return new ConnectionManager(hcm, table);
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Map<String, UpstreamCluster> clusters(EnvoySnapshot snapshot, List<UpstreamOverride> overrides,
            DnsAnswers dns, Map<String, ClientTls> tls) {
        Map<String, UpstreamCluster> clusters = new LinkedHashMap<>();
        for (Cluster c : snapshot.clusters()) {
            clusters.put(c.getName(), new UpstreamCluster(c, endpoints(c, snapshot, overrides, dns),
                    tls.get(c.getName())));
        }
        return Map.copyOf(clusters);
    }

    /** The host names to look up: those of DNS clusters that no override serves. */
    private static Set<String> dnsHosts(EnvoySnapshot snapshot, List<UpstreamOverride> overrides) {
        Set<String> hosts = new LinkedHashSet<>();
        for (Cluster c : snapshot.clusters()) {
            if (DnsClusters.isDns(c) && overridden(c, snapshot, overrides).isEmpty()) {
                hosts.addAll(DnsClusters.hosts(assignment(c, snapshot)));
            }
        }
        return hosts;
    }

    /**
     * The endpoints the overrides serving {@code cluster}'s host and port give it, or empty when none serves it.
     * Overrides of a subset cluster are filtered by the subset's labels, as pilot filters EDS for it; overrides
     * that carry no labels at all stand for every subset of their host (one local backend).
     */
    private static Optional<List<Endpoint>> overridden(Cluster cluster, EnvoySnapshot snapshot,
            List<UpstreamOverride> overrides) {
        var name = ClusterName.parse(cluster.getName());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<UpstreamOverride> serving = overrides.stream()
                .filter(o -> o.serves(name.get().host(), name.get().port())).toList();
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> subset = snapshot.subsetLabels(cluster.getName()).orElse(Map.of());
        boolean labelled = serving.stream().anyMatch(o -> !o.labels().isEmpty());
        List<Endpoint> found = new ArrayList<>();
        for (UpstreamOverride o : serving) {
            if (!labelled || SubsetLabels.selects(subset, o.labels())) {
                found.add(new Endpoint(o.address(), 1, o.labels()));
            }
        }
        return Optional.of(found);
    }

    private static ClusterLoadAssignment assignment(Cluster cluster, EnvoySnapshot snapshot) {
        return cluster.hasLoadAssignment() ? cluster.getLoadAssignment()
                : snapshot.endpoints(cluster.getName()).orElse(ClusterLoadAssignment.getDefaultInstance());
    }

    /**
     * A cluster's endpoints: IP addresses as written; in a DNS cluster a host name's addresses as {@code dns}
     * has them, every address for {@code STRICT_DNS} and the first for {@code LOGICAL_DNS} (Envoy
     * {@code source/extensions/clusters/strict_dns/strict_dns_cluster.cc},
     * {@code source/extensions/clusters/logical_dns/logical_dns_cluster.cc}). Other clusters' host names are
     * skipped: Envoy does not resolve them.
     */
    private static List<Endpoint> endpoints(Cluster cluster, EnvoySnapshot snapshot, List<UpstreamOverride> overrides,
            DnsAnswers dns) {
        Optional<List<Endpoint>> found = overridden(cluster, snapshot, overrides);
        if (found.isPresent()) {
            return found.get();
        }
        boolean resolves = DnsClusters.isDns(cluster);
        boolean logical = cluster.getType() == Cluster.DiscoveryType.LOGICAL_DNS;
        List<Endpoint> endpoints = new ArrayList<>();
        for (LocalityLbEndpoints locality : assignment(cluster, snapshot).getEndpointsList()) {
            for (LbEndpoint lb : locality.getLbEndpointsList()) {
                SocketAddress address = lb.getEndpoint().getAddress().getSocketAddress();
                int weight = lb.hasLoadBalancingWeight() ? lb.getLoadBalancingWeight().getValue() : 1;
                if (DnsClusters.isIpLiteral(address.getAddress())) {
                    endpoints.add(new Endpoint(new InetSocketAddress(address.getAddress(), address.getPortValue()),
                            weight, SubsetLabels.of(lb)));
                } else if (resolves && !address.getAddress().isEmpty()) {
                    List<InetAddress> ips = dns.addresses(address.getAddress(), cluster.getDnsLookupFamily());
                    for (InetAddress ip : logical ? ips.stream().limit(1).toList() : ips) {
                        endpoints.add(new Endpoint(new InetSocketAddress(ip, address.getPortValue()), weight,
                                SubsetLabels.of(lb)));
                    }
                }
            }
        }
        return endpoints;
    }
}
