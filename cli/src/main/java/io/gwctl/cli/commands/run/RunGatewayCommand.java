package io.gwctl.cli.commands.run;

import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.UserException;
import io.gwctl.cli.commands.WorkloadOptions;
import io.gwctl.cli.output.InputCounts;
import io.gwctl.proxy.BoundListener;
import io.gwctl.proxy.GatewayAdmin;
import io.gwctl.proxy.GatewayProxy;
import io.gwctl.proxy.GatewaySettings;
import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.admin.AdminServer;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.gwctl.proxy.runtime.UpstreamCluster;
import io.gwctl.proxy.runtime.UpstreamOverride;
import io.gwctl.proxy.sample.SampleBackend;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.ClusterName;
import io.gwctl.translate.envoy.GatewayOptions;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl run-gateway}: serve a gateway's Envoy config on this machine. */
@Command(name = "run-gateway", sortOptions = false,
        description = {"Run the Envoy config of an Istio gateway on this machine: the same config "
                + "'gwctl proxy-config' prints, served by an embedded gateway.",
                "The -f paths, and the certificate files the config names, are watched: a change is checked and "
                        + "swapped in, and config with errors is refused while the last good config keeps serving.",
                "With --from-cluster the live Istio config of the kubeconfig's cluster is served and watched, any -f "
                        + "objects replacing live ones, with upstreams from the cluster's EndpointSlices."})
public final class RunGatewayCommand implements Callable<Integer>, EnvironmentAware {

    @Spec
    CommandSpec spec;

    // Checked in call() rather than by picocli: with --from-cluster no file is needed.
    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "Istio config to serve: a file, a directory, or - for standard input. Repeatable.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--from-cluster",
            description = "Serve the live Istio config of the kubeconfig's cluster (all namespaces) and reload when it"
                    + " changes, any -f objects replacing live ones of the same kind, namespace and name; upstreams"
                    + " come from the cluster's EndpointSlices, --upstream winning for the hosts it names.")
    Boolean fromCluster;

    @Mixin
    WorkloadOptions workload;

    @Mixin
    PortOptions ports;

    @Option(names = "--upstream", paramLabel = "HOST[:PORT]=ADDRESS:PORT",
            description = "Send a destination host's traffic to this address (e.g. httpbin:8000=127.0.0.1:9000). Repeatable.")
    List<String> upstreams = new ArrayList<>();

    @Option(names = "--sample-backends",
            description = "Start gwctl's httpbin-like sample backend for every cluster that has no endpoint.")
    boolean sampleBackends;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the listeners bind to (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--admin-address", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:15000",
            description = "The admin endpoint (/ready, /config_dump, /stats, /clusters); 'off' for none (default: ${DEFAULT-VALUE}).")
    String adminAddress;

    @Option(names = "--no-watch", description = "Do not reload when the -f paths change.")
    boolean noWatch;

    @Option(names = "--access-log", paramLabel = "-|FILE|off", defaultValue = "-",
            description = "Where access log lines go: - for standard output, a file, or off (default: ${DEFAULT-VALUE}).")
    String accessLog;

    @Option(names = "--workers", paramLabel = "N", description = "Event loop threads (default: the number of CPUs).")
    Integer workers;

    @Option(names = "--drain-time", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long a shutdown waits for requests in flight (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    private Environment environment;

    /** One reload at a time: the file watcher and the cluster watch call back on threads of their own. */
    private final Object reloading = new Object();

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String portProblem = ports.problem();
        if (portProblem != null) {
            throw new UserException(ExitCodes.USAGE, portProblem);
        }
        InetAddress bindAddress = address(bind, "--bind");
        InetSocketAddress admin = adminAddress.equals("off") ? null : socketAddress(adminAddress, "--admin-address");
        GatewayOptions options = workload.gatewayOptions();
        // A malformed --upstream is a usage error before any cluster is asked.
        parseUpstreams(workload.namespace());
        if (!Boolean.TRUE.equals(fromCluster)) {
            if (paths.isEmpty()) {
                throw new UserException(ExitCodes.USAGE, "Missing required option: '--filename=PATH' (or --from-cluster)");
            }
            List<UpstreamOverride> overrides = parseUpstreams(workload.namespace());
            return serve(new GatewayConfigLoader(paths, workload.namespace(), options, overrides), null, overrides,
                    bindAddress, admin);
        }
        try (LiveConfig live = ClusterConfig.open(GwctlCommand.clusterOptions(spec), environment,
                workload.domainSuffix(), err)) {
            // A short --upstream host is a Service of the namespace the cluster's objects default to.
            List<UpstreamOverride> overrides = parseUpstreams(live.namespace());
            return serve(new GatewayConfigLoader(paths, live, options, overrides), live, overrides, bindAddress, admin);
        }
    }

    /**
     * Serves what {@code loader} loads until stopped, reloading when the files or the {@code live} config change.
     *
     * @param live the cluster's config, or null
     */
    private int serve(GatewayConfigLoader loader, LiveConfig live, List<UpstreamOverride> overrides,
            InetAddress bindAddress, InetSocketAddress admin) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayConfigLoader.Result first = loader.load(environment.stdin());
        if (first.missingPath()) {
            throw new UserException(ExitCodes.USAGE, first.refusal());
        }
        if (!first.ok()) {
            err.println(first.refusal());
            err.println("error: the config has errors; nothing is served");
            err.flush();
            return ExitCodes.FINDINGS;
        }
        List<SampleBackend> backends = new ArrayList<>();
        GatewayRuntime runtime = first.runtime();
        if (sampleBackends) {
            List<UpstreamOverride> withSamples = new ArrayList<>(overrides);
            startSampleBackends(runtime, backends, withSamples, out);
            loader = loader.withOverrides(withSamples);
            // The samples serve clusters that had no endpoint, so they add to what the first load used.
            List<UpstreamOverride> serving = new ArrayList<>(first.upstreams());
            serving.addAll(withSamples.subList(overrides.size(), withSamples.size()));
            runtime = GatewayRuntime.compile(runtime.snapshot(), serving);
        }
        if (runtime.listeners().isEmpty()) {
            backends.forEach(SampleBackend::close);
            err.println("error: no Gateway selects the workload " + (workload.gateway() != null ? workload.gateway()
                    : workload.labels())
                    + ", so there is no listener to serve; check --selector or --gateway");
            err.flush();
            return ExitCodes.FINDINGS;
        }

        AccessLog log = accessLog();
        GatewayStats stats = new GatewayStats();
        GatewaySettings settings = new GatewaySettings(bindAddress, ports.localPort(),
                workers != null ? workers : Runtime.getRuntime().availableProcessors(), log, drainSeconds * 1000L);
        GatewayProxy proxy;
        try {
            proxy = GatewayProxy.start(runtime, settings, stats);
        } catch (GatewayProxy.ListenerBindException e) {
            backends.forEach(SampleBackend::close);
            log.close();
            throw new UserException(ExitCodes.USAGE, e.getMessage());
        }
        GatewayAdmin adminView = new GatewayAdmin(proxy);
        AdminServer adminServer = null;
        ConfigWatcher watcher = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            if (admin != null) {
                try {
                    adminServer = AdminServer.start(admin, adminView, proxy.adminEventLoops());
                } catch (RuntimeException e) {
                    throw new UserException(ExitCodes.USAGE, e.getMessage()
                            + "; try --admin-address 127.0.0.1:0 or --admin-address off");
                }
            }
            GatewayConfigLoader watched = loader;
            if (!noWatch && !loader.fromStdin()) {
                // Watching starts before 'ready', so no edit made after it goes unseen.
                watcher = new ConfigWatcher(paths, () -> reload(watched, proxy, out, err),
                        () -> proxy.runtime().certificateFiles());
            }
            if (!noWatch && live != null) {
                live.onChange(() -> reload(watched, proxy, out, err));
            }
            printReady(out, err, first, proxy, adminServer);
            adminView.ready(true);
            ShutdownSignals.install(stopped::countDown);
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // gwctl shell stops a command it runs with an interrupt: a stop like SIGINT's, drained the same.
            }
            out.println("draining: stopped accepting; waiting up to " + drainSeconds + "s for requests in flight");
            out.flush();
            return ExitCodes.OK;
        } finally {
            if (watcher != null) {
                watcher.close();
            }
            if (adminServer != null) {
                adminServer.close();
            }
            proxy.close();
            backends.forEach(SampleBackend::close);
        }
    }

    private void reload(GatewayConfigLoader loader, GatewayProxy proxy, PrintWriter out, PrintWriter err) {
        synchronized (reloading) {
            reloadNow(loader, proxy, out, err);
        }
    }

    private void reloadNow(GatewayConfigLoader loader, GatewayProxy proxy, PrintWriter out, PrintWriter err) {
        GatewayConfigLoader.Result next = loader.load(environment.stdin());
        if (!next.ok()) {
            err.println(next.refusal());
            err.println("error: the changed config has errors; the last good config keeps serving");
            err.flush();
            return;
        }
        try {
            proxy.reload(next.runtime());
            out.println("reloaded: " + InputCounts.count(next.resources(), "resource") + " from "
                    + next.inputs().describe() + "; " + InputCounts.count(next.runtime().listeners().size(), "listener")
                    + ", " + InputCounts.count(next.runtime().clusters().size(), "cluster"));
            warnEmptyClusters(next.runtime(), out);
        } catch (GatewayProxy.ListenerBindException e) {
            err.println("error: " + e.getMessage() + "; the last good config keeps serving");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
    }

    /**
     * How a client reaches a listener: {@code tcp://} when its chains only proxy TCP (TCP servers, TLS passed
     * through or terminated in front of TCP), {@code https://} when every chain terminates TLS for HTTP.
     */
    private static String scheme(ListenerRuntime listener) {
        if (listener != null && !listener.chains().isEmpty()) {
            if (listener.chains().stream().allMatch(c -> c.connectionManager() == null && c.tcpProxy() != null)) {
                return "tcp://";
            }
            if (listener.chains().stream().allMatch(c -> c.tls() != null)) {
                return "https://";
            }
        }
        return "http://";
    }

    private void printReady(PrintWriter out, PrintWriter err, GatewayConfigLoader.Result loaded, GatewayProxy proxy,
            AdminServer adminServer) {
        out.println("gwctl run-gateway: " + InputCounts.count(loaded.resources(), "resource") + " from "
                + loaded.inputs().describe() + "; transport " + proxy.transport());
        out.println("TLS: " + proxy.tlsProvider());
        for (BoundListener l : proxy.listeners()) {
            out.println("listener " + l.name() + " on " + scheme(proxy.runtime().listener(l.configPort()))
                    + hostPort(l.localAddress()));
        }
        warnEmptyClusters(proxy.runtime(), out);
        if (adminServer != null) {
            out.println("admin on http://" + hostPort(adminServer.address()));
        }
        out.println("ready");
        out.flush();
        err.flush();
    }

    private static void warnEmptyClusters(GatewayRuntime runtime, PrintWriter out) {
        for (UpstreamCluster c : runtime.clusters()) {
            if (c.endpoints().isEmpty()) {
                out.println("warning: cluster " + c.name() + " has no endpoints: requests to it get 503 "
                        + "(give --upstream HOST:PORT=ADDRESS:PORT or --sample-backends)");
            }
        }
    }

    private void startSampleBackends(GatewayRuntime runtime, List<SampleBackend> backends,
            List<UpstreamOverride> overrides, PrintWriter out) throws InterruptedException {
        Map<String, SampleBackend> byHost = new LinkedHashMap<>();
        for (UpstreamCluster c : runtime.clusters()) {
            Optional<ClusterName> name = ClusterName.parse(c.name());
            if (!c.endpoints().isEmpty() || name.isEmpty()) {
                continue;
            }
            String host = name.get().host();
            SampleBackend backend = byHost.get(host);
            if (backend == null) {
                String shortName = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
                backend = SampleBackend.start(shortName, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                byHost.put(host, backend);
                backends.add(backend);
                out.println("sample backend " + shortName + " for " + host + " on http://"
                        + hostPort(backend.address()));
            }
            overrides.add(new UpstreamOverride(host, name.get().port(), backend.address(), Map.of()));
        }
    }

    private List<UpstreamOverride> parseUpstreams(String namespace) {
        List<UpstreamOverride> parsed = new ArrayList<>();
        for (String u : upstreams) {
            try {
                parsed.add(UpstreamOverride.parse(u, namespace, workload.domainSuffix()));
            } catch (IllegalArgumentException e) {
                throw new UserException(ExitCodes.USAGE, e.getMessage());
            }
        }
        return parsed;
    }

    private AccessLog accessLog() {
        return switch (accessLog) {
            case "off" -> AccessLog.off();
            case "-" -> AccessLog.to(System.out);
            default -> {
                try {
                    yield AccessLog.toFile(Path.of(accessLog));
                } catch (RuntimeException e) {
                    throw new UserException(ExitCodes.USAGE, "--access-log: " + e.getMessage());
                }
            }
        };
    }

    private static InetAddress address(String value, String option) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UserException(ExitCodes.USAGE, option + " " + value + ": not an address of this machine");
        }
    }

    private static InetSocketAddress socketAddress(String value, String option) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new UserException(ExitCodes.USAGE, option + " " + value + ": expected HOST:PORT");
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(address(value.substring(0, colon).replace("[", "").replace("]", ""), option),
                    port);
        } catch (NumberFormatException e) {
            throw new UserException(ExitCodes.USAGE, option + " " + value + ": the port must be in 0-65535");
        }
    }

    static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

}
