package io.gwctl.cli.commands;

import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.output.ReportFormat;
import io.gwctl.validate.ValidationReport;
import io.gwctl.translate.envoy.route.EnvoyRejectionAnalyzer;
import io.gwctl.validate.Validator;
import io.gwctl.validate.analysis.Analyzers;
import io.gwctl.validate.rules.RuleSet;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl validate}: is this config right? Schema, rules per resource and analysis, in one pass. */
@Command(name = "validate", aliases = "v",
        description = {"Check Istio and Kubernetes networking config: schema, Istio's validation rules, and analysis across resources.",
                "Exit code 0: no errors (warnings allowed); 1: the config has errors; 2: usage error or a path that does not exist."},
        mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer>, EnvironmentAware {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    /** Every check gwctl has, including what only rendering the Envoy config can find. */
    private static final Validator VALIDATOR = new Validator(RuleSet.all(),
            Stream.concat(Analyzers.all().stream(), Stream.of(new EnvoyRejectionAnalyzer())).toList());

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ValidationReport report = VALIDATOR.validate(input.load(environment.stdin()));
        PrintWriter out = spec.commandLine().getOut();
        format.writer(environment.colour()).write(report, out);
        out.flush();
        return report.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
