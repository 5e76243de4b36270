package io.gwctl.cli.commands;

import io.gwctl.translate.envoy.GatewayOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which gateway workload's config to build, and how names resolve: the options {@code proxy-config} and
 * {@code run-gateway} share, so both render the same gateway from the same command line.
 */
public final class WorkloadOptions {

    @Option(names = "--selector", paramLabel = "KEY=VALUE",
            description = "Labels of the gateway workload (default: istio=ingressgateway). Repeatable.")
    Map<String, String> selector = new LinkedHashMap<>();

    @Option(names = "--gateway", paramLabel = "NAMESPACE/NAME", description = "Only this Gateway.")
    String gateway;

    @Option(names = "--domain-suffix", paramLabel = "SUFFIX", defaultValue = "cluster.local",
            description = "Cluster domain suffix for short host names (default: ${DEFAULT-VALUE}).")
    String domainSuffix;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = "default",
            description = "The namespace of objects that set none (default: ${DEFAULT-VALUE}).")
    String namespace;

    /** The workload's labels; {@code istio=ingressgateway} unless {@code --selector} says otherwise. */
    public Map<String, String> labels() {
        return selector.isEmpty() ? Map.of("istio", "ingressgateway") : selector;
    }

    public GatewayOptions gatewayOptions() {
        return new GatewayOptions(labels(), Optional.ofNullable(gateway), domainSuffix);
    }

    /** {@code --gateway}, or null. */
    public String gateway() {
        return gateway;
    }

    public String namespace() {
        return namespace;
    }

    public String domainSuffix() {
        return domainSuffix;
    }
}
