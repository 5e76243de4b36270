package io.gwctl.cli.commands;

import io.gwctl.cli.Environment;
import io.gwctl.cli.cluster.ClusterKind;
import io.gwctl.cli.cluster.ClusterOptions;
import io.gwctl.cli.cluster.ClusterSource;
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

    static ValidationReport run(ClusterOptions options, Environment environment, InputOptions input) {
        ClusterSource.Snapshot live = ClusterSource.read(options, environment, ClusterKind.GATEWAY_CONFIG, true);
        ConfigSet config = input.loadGiven(environment.stdin(), live.namespace()).over(live.objects());
        ValidationReport report = Checks.ALL.validate(config);
        if (options.allNamespaces()) {
            return report;
        }
        return new ValidationReport(report.diagnostics().stream()
                .filter(d -> !live(d) || d.namespace().isEmpty() || d.namespace().equals(live.namespace()))
                .toList(), report.resources(), report.files());
    }

    private static boolean live(Diagnostic d) {
        return d.file().startsWith(ClusterSource.NAME + ":") || d.file().equals(ClusterSource.NAME);
    }
}
