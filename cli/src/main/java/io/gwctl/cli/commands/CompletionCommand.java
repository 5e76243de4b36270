package io.gwctl.cli.commands;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.completion.CompletionShell;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gwctl completion SHELL}: the shell completion script, as {@code kubectl completion} prints one. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the completion script for a shell: subcommands, options, their values, files for -f, "
                + "and Gateway names for --gateway from the -f files on the line.",
                "bash: source <(gwctl completion bash); zsh: source <(gwctl completion zsh); fish: gwctl completion fish | source"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    CompletionShell shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Not println: a script with \r\n line ends fails in bash, whatever the platform's separator.
        out.print(shell.script(spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }
}
