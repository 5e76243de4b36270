package io.gwctl.cli.commands.convert;

import io.gwctl.cli.manifest.ManifestWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every {@code gwctl convert} command shares. */
public final class ConvertOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ManifestWriter.Format format;

    @Option(names = "--output-file", paramLabel = "FILE",
            description = "Write the converted objects here, whole or not at all, instead of to standard output.")
    Path outputFile;

    @Option(names = "--api-version", paramLabel = "VERSION", defaultValue = "v1",
            description = "networking.istio.io version to write: v1, v1beta1 or v1alpha3 (default: ${DEFAULT-VALUE}).")
    String apiVersion;

    @Option(names = "--gateway-namespace", paramLabel = "NAMESPACE", defaultValue = "istio-system",
            description = "Namespace of the Gateways made from Ingresses (default: ${DEFAULT-VALUE}).")
    String gatewayNamespace;

    @Option(names = "--selector", paramLabel = "KEY=VALUE",
            description = "Workload selector of the Gateways made from Ingresses (default: istio=ingressgateway). Repeatable.")
    Map<String, String> selector = new LinkedHashMap<>();

    @Option(names = "--ingress-class", paramLabel = "NAME", defaultValue = "istio",
            description = "Convert Ingresses of this class, or with none (default: ${DEFAULT-VALUE}).")
    String ingressClass;

    @Option(names = "--all-classes", description = "Convert Ingresses of every class.")
    Boolean allClasses;

    @Option(names = "--domain-suffix", paramLabel = "SUFFIX", defaultValue = "cluster.local",
            description = "Cluster domain suffix for service host names (default: ${DEFAULT-VALUE}).")
    String domainSuffix;

    @Option(names = "--strict", description = "Exit 1 when anything was dropped or approximated (any WARN).")
    Boolean strict;
}
