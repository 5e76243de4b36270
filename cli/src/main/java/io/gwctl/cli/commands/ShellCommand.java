package io.gwctl.cli.commands;

import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.shell.GwctlShell;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gwctl shell}: the gwctl commands at a prompt, with completion, history and session defaults. */
@Command(name = "shell",
        description = {"Run gwctl commands at a prompt: Tab completion, history in ~/.gwctl_history, and "
                + "'use -f PATH' / 'use -n NAMESPACE' remembered as defaults for the commands after it.",
                "Without a terminal, reads one command a line from standard input. Exit code 0 on exit, quit or "
                        + "end of input."})
public final class ShellCommand implements Callable<Integer>, EnvironmentAware {

    @Spec
    CommandSpec spec;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        try (Terminal terminal = terminal()) {
            return new GwctlShell(terminal, environment).run();
        }
    }

    /** The process's terminal when there is one; else a dumb one over standard input and this command's output. */
    private Terminal terminal() throws IOException {
        if (environment.terminal()) {
            return TerminalBuilder.builder().name("gwctl").system(true).build();
        }
        return GwctlShell.pipedTerminal(environment.stdin(), spec.commandLine().getOut());
    }
}
