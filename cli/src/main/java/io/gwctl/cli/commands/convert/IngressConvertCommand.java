package io.gwctl.cli.commands.convert;

import io.gwctl.cli.Environment;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.cluster.ClusterKind;
import io.gwctl.cli.cluster.ClusterSource;
import io.gwctl.cli.progress.Progress;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.translate.LegacyConversion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gwctl convert ingress}: only the Ingress kinds of the input, from files or from a live cluster. */
@Command(name = "ingress", description = "Convert Kubernetes Ingress (extensions/v1beta1, networking.k8s.io/v1beta1 and v1) into Gateway + VirtualService.", mixinStandardHelpOptions = true)
public final class IngressConvertCommand extends ScopedConvertCommand {

    @Option(names = "--from-cluster",
            description = "Convert the live Ingresses of -n (default: the kubeconfig context's namespace), or of all namespaces"
                    + " with -A, resolving named service ports from the live Services; -f objects replace live ones.")
    Boolean fromCluster;

    @Override
    ConfigSet input(Environment environment) {
        if (!Boolean.TRUE.equals(fromCluster)) {
            return super.input(environment);
        }
        // The converted objects are data: a progress line may show only when they go to --output-file.
        try (Progress progress = Progress.reading(environment, options.outputFile == null, spec.commandLine().getErr())) {
            ClusterSource.Snapshot live = ClusterSource.read(GwctlCommand.clusterOptions(spec), environment,
                    ClusterKind.INGRESSES, false, progress);
            return input.loadGiven(environment.stdin(), live.namespace()).over(live.objects());
        }
    }

    @Override
    LegacyConversion.Scope scope() {
        return LegacyConversion.Scope.INGRESS;
    }
}
