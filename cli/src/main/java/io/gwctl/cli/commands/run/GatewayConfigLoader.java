package io.gwctl.cli.commands.run;

import io.gwctl.cli.cluster.LiveObjects;
import io.gwctl.cli.commands.Checks;
import io.gwctl.cli.output.InputCounts;
import io.gwctl.cli.output.ReportFormat;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.SourcePaths;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.UpstreamOverride;
import io.gwctl.proxy.tls.TlsConfigException;
import io.gwctl.translate.envoy.EnvoySnapshot;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.SnapshotBuilder;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one way from config to what the gateway serves: read the {@code -f} paths (applied over the live objects
 * of a cluster with {@code --from-cluster}), check with every check of {@code gwctl validate}, render the Envoy
 * snapshot as {@code gwctl proxy-config} does, and prepare it (reading the certificates it names). Config with
 * errors, or with a certificate that cannot be served, is refused with its findings, so a running gateway keeps
 * the config it has. Every load reads everything anew: a reload after a file or a cluster object changed is the
 * same load as the first.
 */
final class GatewayConfigLoader {

    private final List<String> paths;
    private final String namespace;
    private final GatewayOptions options;
    private final List<UpstreamOverride> overrides;
    private final LiveConfig live;

    /** Config from the {@code -f} paths alone. */
    GatewayConfigLoader(List<String> paths, String namespace, GatewayOptions options,
            List<UpstreamOverride> overrides) {
        this(paths, namespace, options, overrides, null);
    }

    /** The {@code -f} paths (none is fine) applied over {@code live}. */
    GatewayConfigLoader(List<String> paths, LiveConfig live, GatewayOptions options, List<UpstreamOverride> overrides) {
        this(paths, live.namespace(), options, overrides, live);
    }

    private GatewayConfigLoader(List<String> paths, String namespace, GatewayOptions options,
            List<UpstreamOverride> overrides, LiveConfig live) {
        this.paths = List.copyOf(paths);
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.options = Objects.requireNonNull(options, "options");
        this.overrides = List.copyOf(overrides);
        this.live = live;
    }

    /** This loader with other {@code --upstream} overrides (sample backends added). */
    GatewayConfigLoader withOverrides(List<UpstreamOverride> replaced) {
        return new GatewayConfigLoader(paths, namespace, options, replaced, live);
    }

    /**
     * A loaded config, or the reason it was refused.
     *
     * @param upstreams what the runtime's endpoints came from: {@code --upstream}, then what the cluster gave
     */
    record Result(GatewayRuntime runtime, int resources, InputCounts inputs, String refusal, boolean missingPath,
            List<UpstreamOverride> upstreams) {
        boolean ok() {
            return runtime != null;
        }
    }

    Result load(InputStream stdin) {
        ConfigSet files = new ConfigSet(List.of());
        if (!paths.isEmpty()) {
            SourcePaths.Expansion expansion = SourcePaths.expand(paths, stdin);
            if (!expansion.missing().isEmpty()) {
                return new Result(null, 0, InputCounts.NONE,
                        "no such file or directory: " + String.join(", ", expansion.missing()), true, List.of());
            }
            files = ConfigSet.load(expansion.sources(), new ResourceReader(namespace));
        }
        ConfigSet config = files;
        List<UpstreamOverride> upstreams = overrides;
        if (live != null) {
            LiveObjects objects = live.objects();
            config = files.over(objects.objects());
            upstreams = given(overrides, objects.upstreams());
        }
        ValidationReport report = Checks.ALL.validate(config);
        InputCounts inputs = live == null ? InputCounts.filesOf(report) : InputCounts.over(files, config);
        List<Diagnostic> errors = report.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .filter(d -> live == null || live.counts(d))
                .toList();
        if (!errors.isEmpty()) {
            StringWriter text = new StringWriter();
            ReportFormat.text.writer(false).write(new ValidationReport(errors, report.resources(), report.files()),
                    inputs, new PrintWriter(text));
            return refused(text.toString().stripTrailing());
        }
        EnvoySnapshot snapshot = SnapshotBuilder.build(config.resources(), options);
        try {
            return new Result(GatewayRuntime.compile(snapshot, upstreams), report.resources(), inputs, null, false,
                    upstreams);
        } catch (TlsConfigException e) {
            // A certificate that cannot be served is refused like any config error: the last good config stays.
            return refused("error: " + e.getMessage());
        }
    }

    /**
     * The upstreams given on the command line, then the discovered ones of every cluster no given upstream
     * names: {@code --upstream} wins for the host and port it names (every port when it names none).
     */
    static List<UpstreamOverride> given(List<UpstreamOverride> given, List<UpstreamOverride> discovered) {
        List<UpstreamOverride> all = new ArrayList<>(given);
        for (UpstreamOverride d : discovered) {
            if (given.stream().noneMatch(g -> g.serves(d.host(), d.port()))) {
                all.add(d);
            }
        }
        return all;
    }

    /** Whether the config was read from standard input (and cannot be watched). */
    boolean fromStdin() {
        return paths.contains("-");
    }

    List<String> paths() {
        return paths;
    }

    private static Result refused(String why) {
        return new Result(null, 0, InputCounts.NONE, why, false, List.of());
    }
}
