package io.gwctl.cli.commands.complete;

import picocli.CommandLine.Command;

/**
 * {@code gwctl __complete}: the values completion scripts ask gwctl for while the user types. Hidden from
 * help, the reference and completion itself; its output is for scripts only.
 */
@Command(name = "__complete", hidden = true, subcommands = GatewayNamesCommand.class,
        description = "Values for shell completion scripts.")
public final class CompleteCommand {
}
