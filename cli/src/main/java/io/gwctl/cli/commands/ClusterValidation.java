package io.gwctl.cli.commands;

import io.gwctl.cli.Environment;
import io.gwctl.cli.cluster.ClusterKind;
import io.gwctl.cli.cluster.ClusterOptions;
import io.gwctl.cli.cluster.ClusterSource;
import io.gwctl.cli.output.InputCounts;
import io.gwctl.cli.progress.Progress;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.diagnostic.Diagnostic;

/**
 * {@code validate --from-cluster}: the live config with the {@code -f} files applied over it, checked as one.
 *
 * <p>As {@code istioctl analyze} does (istio/istio {@code pkg/config/analysis/local/analyze.go}), every
 * namespace is read and analysed, since references cross namespaces, and the findings on live objects are then
 * kept for the selected namespace only, unless {@code -A}. Findings on the files are always kept: the user asked
 * about them.
 */
final class ClusterValidation {

    private ClusterValidation() {
    }

    /**
     * What a check of the live config gave.
     *
     * @param report the findings kept
     * @param inputs the files read, and the live objects checked (those no {@code -f} object replaced)
     */
    record Outcome(ValidationReport report, InputCounts inputs) {
    }

    /** Reads the cluster and the files, {@code progress} showing on a terminal until both are read, then checks them. */
    static Outcome run(ClusterOptions options, Environment environment, InputOptions input, Progress progress) {
        ClusterSource.Snapshot live = ClusterSource.read(options, environment, ClusterKind.GATEWAY_CONFIG, true, progress);
        ConfigSet files = input.loadGiven(environment.stdin(), live.namespace(), progress);
        progress.close();
        ConfigSet config = files.over(live.objects());
        ValidationReport report = Checks.ALL.validate(config);
        InputCounts inputs = InputCounts.over(files, config);
        if (options.allNamespaces()) {
            return new Outcome(report, inputs);
        }
        return new Outcome(new ValidationReport(report.diagnostics().stream()
                .filter(d -> !live(d) || d.namespace().isEmpty() || d.namespace().equals(live.namespace()))
                .toList(), report.resources(), report.files()), inputs);
    }

    private static boolean live(Diagnostic d) {
        return d.file().startsWith(ClusterSource.NAME + ":") || d.file().equals(ClusterSource.NAME);
    }
}
