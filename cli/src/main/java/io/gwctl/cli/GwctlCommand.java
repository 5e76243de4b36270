package io.gwctl.cli;

import io.gwctl.cli.commands.CompletionCommand;
import io.gwctl.cli.commands.ShellCommand;
import io.gwctl.cli.commands.ValidateCommand;
import io.gwctl.cli.commands.VersionCommand;
import io.gwctl.cli.commands.complete.CompleteCommand;
import io.gwctl.cli.commands.convert.ConvertCommand;
import io.gwctl.cli.commands.proxy.ProxyConfigCommand;
import io.gwctl.cli.commands.run.RunGatewayCommand;
import io.gwctl.cli.commands.run.SampleBackendCommand;
import io.gwctl.cli.cluster.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The root command: {@code gwctl <command>}. */
@Command(name = "gwctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check, convert, inspect and run Istio gateway configuration on a laptop.",
        subcommands = {ValidateCommand.class, ConvertCommand.class, ProxyConfigCommand.class, RunGatewayCommand.class, SampleBackendCommand.class,
                ShellCommand.class, CompletionCommand.class, VersionCommand.class, picocli.CommandLine.HelpCommand.class, CompleteCommand.class})
public final class GwctlCommand {

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    Boolean debug;

    @Mixin
    ClusterOptions cluster;

    /** Whether {@code --debug} was given. */
    public boolean debug() {
        return Boolean.TRUE.equals(debug);
    }

    /** The global kubeconfig, context and namespace options. */
    public ClusterOptions cluster() {
        return cluster;
    }

    /**
     * The global cluster options of the command line {@code spec} belongs to; the defaults when it runs
     * outside gwctl's root command.
     */
    public static ClusterOptions clusterOptions(CommandSpec spec) {
        return spec.root().userObject() instanceof GwctlCommand root ? root.cluster : new ClusterOptions();
    }
}
