package io.gwctl.cli.commands;

import io.gwctl.cli.GwctlCommand;
import io.gwctl.translate.envoy.GatewayOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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

    /**
     * The namespace of objects in files that set none: the global {@code -n}, else {@code default}. Only when
     * these options are mixed into a command directly: picocli gives a mixin nested in another mixin no root.
     */
    public String namespace() {
        return GwctlCommand.clusterOptions(mixee).fileNamespace();
    }

    public String domainSuffix() {
        return domainSuffix;
    }
}
