package io.gwctl.cli.commands.run;

import io.gwctl.cli.commands.Checks;
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
import java.util.List;

/**
 * The one way from {@code -f} paths to a config the gateway can serve: read, check with every check of
 * {@code gwctl validate}, render the Envoy snapshot as {@code gwctl proxy-config} does, and prepare it (reading
 * the certificates it names). Config with errors, or with a certificate that cannot be served, is refused with
 * its findings, so a running gateway keeps the config it has.
 */
final class GatewayConfigLoader {

    private final List<String> paths;
    private final String namespace;
    private final GatewayOptions options;
    private final List<UpstreamOverride> overrides;

    GatewayConfigLoader(List<String> paths, String namespace, GatewayOptions options, List<UpstreamOverride> overrides) {
        this.paths = List.copyOf(paths);
        this.namespace = namespace;
        this.options = options;
        this.overrides = List.copyOf(overrides);
    }

    /** A loaded config, or the reason it was refused. */
    record Result(GatewayRuntime runtime, int resources, int files, String refusal, boolean missingPath) {
        boolean ok() {
            return runtime != null;
        }
    }

    Result load(InputStream stdin) {
        SourcePaths.Expansion expansion = SourcePaths.expand(paths, stdin);
        if (!expansion.missing().isEmpty()) {
            return new Result(null, 0, 0, "no such file or directory: " + String.join(", ", expansion.missing()), true);
        }
        ConfigSet config = ConfigSet.load(expansion.sources(), new ResourceReader(namespace));
        ValidationReport report = Checks.ALL.validate(config);
        if (report.hasErrors()) {
            List<Diagnostic> errors = report.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).toList();
            StringWriter text = new StringWriter();
            ReportFormat.text.writer(false).write(new ValidationReport(errors, report.resources(), report.files()),
                    new PrintWriter(text));
            return refused(text.toString().stripTrailing());
        }
        EnvoySnapshot snapshot = SnapshotBuilder.build(config.resources(), options);
        try {
            return new Result(GatewayRuntime.compile(snapshot, overrides), report.resources(), report.files(), null,
                    false);
        } catch (TlsConfigException e) {
            // A certificate that cannot be served is refused like any config error: the last good config stays.
            return refused("error: " + e.getMessage());
        }
    }

    /** Whether the config was read from standard input (and cannot be watched). */
    boolean fromStdin() {
        return paths.contains("-");
    }

    List<String> paths() {
        return paths;
    }

    private static Result refused(String why) {
        return new Result(null, 0, 0, why, false);
    }
}
