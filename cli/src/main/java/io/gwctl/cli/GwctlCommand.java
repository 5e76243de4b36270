package io.gwctl.cli;

import io.gwctl.cli.commands.CompletionCommand;
import io.gwctl.cli.commands.ValidateCommand;
import io.gwctl.cli.commands.VersionCommand;
import io.gwctl.cli.commands.complete.CompleteCommand;
import io.gwctl.cli.commands.convert.ConvertCommand;
import io.gwctl.cli.commands.proxy.ProxyConfigCommand;
import io.gwctl.cli.commands.run.RunGatewayCommand;
import io.gwctl.cli.commands.run.SampleBackendCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code gwctl <command>}. */
@Command(name = "gwctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check, convert, inspect and run Istio gateway configuration on a laptop.",
        subcommands = {ValidateCommand.class, ConvertCommand.class, ProxyConfigCommand.class, RunGatewayCommand.class, SampleBackendCommand.class,
                CompletionCommand.class, VersionCommand.class, picocli.CommandLine.HelpCommand.class, CompleteCommand.class})
public final class GwctlCommand {

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    Boolean debug;

    /** Whether {@code --debug} was given. */
    public boolean debug() {
        return Boolean.TRUE.equals(debug);
    }
}
