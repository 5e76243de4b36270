package io.gwctl.cli.shell;

import io.gwctl.cli.ExitCodes;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code exit} (or {@code quit}), inside {@code gwctl shell}: leave the shell with exit code 0, as Ctrl-D does. */
@Command(name = "exit", aliases = "quit", description = "Leave the shell (as Ctrl-D does).")
public final class ExitCommand implements Callable<Integer> {

    private final Runnable onExit;

    public ExitCommand(Runnable onExit) {
        this.onExit = Objects.requireNonNull(onExit, "onExit");
    }

    @Override
    public Integer call() {
        onExit.run();
        return ExitCodes.OK;
    }
}
