package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.UserException;
import io.gwctl.cli.cluster.ClusterKind;
import io.gwctl.cli.cluster.ClusterSource;
import io.gwctl.cli.progress.Progress;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.LoadedSource;
import io.gwctl.model.source.SourcePaths;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.SnapshotBuilder;
import io.gwctl.translate.envoy.dump.ConfigDumps;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.gwctl.cli.commands.WorkloadOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where a {@code proxy-config} command's Envoy config comes from: Istio config rendered for one gateway
 * ({@code -f}), or read from a live cluster ({@code --from-cluster}), a config dump of a real Envoy ({@code --file}), or the admin endpoint of a running gateway
 * ({@code --admin}: its {@code /config_dump}, as istioctl reads a proxy's).
 */
public final class SnapshotOptions {

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "Istio config to render: a file, a directory, or - for standard input. Repeatable.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--file", paramLabel = "DUMP",
            description = "Read an Envoy /config_dump JSON instead of rendering config.")
    Path dump;

    @Option(names = "--admin", paramLabel = "URL",
            description = "Read a running gateway's admin endpoint instead, e.g. http://127.0.0.1:15000 (gwctl run-gateway).")
    String adminUrl;

    @Option(names = "--from-cluster",
            description = "Render from the live Istio config of the kubeconfig's cluster (all namespaces), with any -f objects"
                    + " replacing live ones of the same kind, namespace and name.")
    Boolean fromCluster;

    @Mixin
    WorkloadOptions workload;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The running gateway's admin, when {@code --admin} is the source; a usage error unless exactly one source is given. */
    Optional<AdminClient> admin() {
        requireOneSource();
        return Optional.ofNullable(adminUrl).map(AdminClient::of);
    }

    /**
     * The snapshot, or a one-line error with its exit code.
     *
     * @param dataOutput whether the command prints data ({@code -o json|yaml}), which no progress line may interleave
     */
    EnvoySnapshot load(Environment environment, PrintWriter err, boolean dataOutput) {
        Optional<AdminClient> admin = admin();
        if (admin.isPresent()) {
            return admin.get().configDump();
        }
        if (dump != null) {
            return readDump();
        }
        ConfigSet config;
        if (Boolean.TRUE.equals(fromCluster)) {
            // Rendering needs every namespace, as istiod's: Gateways, routes and Secrets live apart.
            try (Progress progress = Progress.reading(environment, dataOutput, err)) {
                ClusterSource.Snapshot live = ClusterSource.read(GwctlCommand.clusterOptions(mixee), environment,
                        ClusterKind.GATEWAY_CONFIG, true, progress);
                config = files(environment.stdin(), live.namespace()).over(live.objects());
            }
        } else {
            // The global -n, read through this mixin's command: a mixin nested in a mixin cannot reach the root.
            config = files(environment.stdin(), GwctlCommand.clusterOptions(mixee).fileNamespace());
        }
        boolean broken = false;
        for (LoadedSource source : config.sources()) {
            for (ParseProblem p : source.problems()) {
                if (p.kind() != ParseProblem.Kind.EMPTY) {
                    err.println(source.name() + ":" + p.position() + ": error: " + p.message());
                    broken = true;
                }
            }
        }
        if (broken) {
            throw new UserException(ExitCodes.FINDINGS, "the config does not parse; run gwctl validate for details");
        }
        return SnapshotBuilder.build(config.resources(), workload.gatewayOptions());
    }

    private ConfigSet files(InputStream stdin, String namespace) {
        if (paths.isEmpty()) {
            return new ConfigSet(List.of());
        }
        SourcePaths.Expansion expansion = SourcePaths.expand(paths, stdin);
        if (!expansion.missing().isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "no such file or directory: " + String.join(", ", expansion.missing()));
        }
        return ConfigSet.load(expansion.sources(), new ResourceReader(namespace));
    }

    private void requireOneSource() {
        boolean config = !paths.isEmpty() || Boolean.TRUE.equals(fromCluster);
        int sources = (config ? 1 : 0) + (dump == null ? 0 : 1) + (adminUrl == null ? 0 : 1);
        if (sources != 1) {
            throw new UserException(ExitCodes.USAGE, "give one of -f PATH (Istio config), --from-cluster (live Istio config,"
                    + " with -f PATH applied over it), --file DUMP (an Envoy config dump) or --admin URL (a running gateway)");
        }
    }

    private EnvoySnapshot readDump() {
        try {
            return ConfigDumps.fromJson(Files.readString(dump, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UserException(ExitCodes.USAGE, "no such file: " + dump);
        } catch (IOException e) {
            throw new UserException(ExitCodes.FINDINGS, dump + ": " + e.getMessage());
        }
    }
}
