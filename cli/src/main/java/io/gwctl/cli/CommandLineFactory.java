package io.gwctl.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds the picocli command line with everything a run needs, so that {@link Main} and the tests get
 * exactly the same behaviour: exit codes, error handling, output streams, standard input and the
 * environment (for {@code NO_COLOR}).
 */
public final class CommandLineFactory {

    private CommandLineFactory() {
    }

    public static CommandLine create(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
        Environment environment = new Environment(in, env);
        IFactory factory = new IFactory() {
            private final IFactory fallback = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K instance = fallback.create(cls);
                if (instance instanceof EnvironmentAware aware) {
                    aware.setEnvironment(environment);
                }
                return instance;
            }
        };
        GwctlCommand root = new GwctlCommand();
        CommandLine cmd = new CommandLine(root, factory);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        giveEveryCommandTheVersion(cmd, new VersionProvider());
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("Error: " + ex.getMessage());
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            if (ex instanceof UserException user) {
                failed.getErr().println("Error: " + user.getMessage());
                return user.exitCode();
            }
            failed.getErr().println("Error: internal error: " + ex);
            if (root.debug()) {
                ex.printStackTrace(failed.getErr());
            } else {
                failed.getErr().println("Run again with --debug for the stack trace, and report it as a bug.");
            }
            return ExitCodes.INTERNAL;
        });
        return cmd;
    }

    /** {@code gwctl validate --version} answers as {@code gwctl --version} does, as kubectl's subcommands do. */
    private static void giveEveryCommandTheVersion(CommandLine cmd, VersionProvider version) {
        if (cmd.getCommandSpec().versionProvider() == null) {
            cmd.getCommandSpec().versionProvider(version);
        }
        cmd.getSubcommands().values().forEach(sub -> giveEveryCommandTheVersion(sub, version));
    }
}
