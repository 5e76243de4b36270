package io.gwctl.cli.commands;

import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.output.InputCounts;
import io.gwctl.cli.output.ReportFormat;
import io.gwctl.cli.progress.Progress;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.validate.ValidationReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl validate}: is this config right? Schema, rules per resource and analysis, in one pass. */
@Command(name = "validate", aliases = "v",
        description = {"Check Istio and Kubernetes networking config: schema, Istio's validation rules, and analysis across resources.",
                "Exit code 0: no errors (warnings allowed); 1: the config has errors; 2: usage error, a path that does not exist,"
                        + " or a cluster that cannot be read."},
        mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer>, EnvironmentAware {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--from-cluster",
            description = "Also read the live Gateways, VirtualServices, DestinationRules, ServiceEntries, Services, Secrets"
                    + " and Pods of the kubeconfig's cluster; -f objects replace live ones of the same kind, namespace and"
                    + " name. Findings on live objects are reported for -n (default: the context's namespace), or all with -A.")
    Boolean fromCluster;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ValidationReport report;
        InputCounts inputs;
        try (Progress progress = Progress.validating(environment, format != ReportFormat.text,
                spec.commandLine().getErr())) {
            if (Boolean.TRUE.equals(fromCluster)) {
                ClusterValidation.Outcome outcome = ClusterValidation.run(GwctlCommand.clusterOptions(spec), environment,
                        input, progress);
                report = outcome.report();
                inputs = outcome.inputs();
            } else {
                ConfigSet config = input.load(environment.stdin(), progress);
                progress.close(); // erased once the files are read, not after the checks
                report = Checks.ALL.validate(config);
                inputs = InputCounts.filesOf(report);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        format.writer(environment.colour()).write(report, inputs, out);
        out.flush();
        return report.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
