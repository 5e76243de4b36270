package io.gwctl.cli.shell;

import io.gwctl.cli.CommandLineFactory;
import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.SystemCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * {@code gwctl shell}: reads command lines on a terminal and runs each as {@code gwctl} would, with Tab completion
 * from the command model, history in {@code ~/.gwctl_history} and the session's {@code use} defaults.
 *
 * <p>Every line runs on a command line built by {@link CommandLineFactory}, so exit codes and error messages are
 * those of {@code gwctl} itself; a command's failure is printed and the shell reads the next line. {@code exit},
 * {@code quit} and Ctrl-D (end of input) leave with 0; Ctrl-C at the prompt drops the line, as bash does, and while
 * a command runs it interrupts the command ({@code run-gateway} drains and returns to the prompt).
 */
public final class GwctlShell {

    /** The history file's name in the home directory. */
    public static final String HISTORY_FILE = ".gwctl_history";

    private final Terminal terminal;
    private final Environment environment;
    private final SessionDefaults defaults = new SessionDefaults();
    private boolean exitRequested;

    /**
     * @param terminal    where lines are read and output written
     * @param environment the session's environment: {@code HOME} for the history, {@code NO_COLOR}, whether a
     *                    person reads the terminal (a prompt and a greeting only then)
     */
    public GwctlShell(Terminal terminal, Environment environment) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** {@code $HOME/.gwctl_history}, or the JVM's home directory when {@code HOME} is not set. */
    public static Path historyFile(Environment environment) {
        String home = environment.variables().getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, HISTORY_FILE);
    }

    /**
     * A dumb terminal that reads lines from {@code in} and writes to {@code out}: the shell with no terminal.
     * Built directly: {@code TerminalBuilder.streams(..)} would put a pseudo-terminal in between, which echoes
     * the input back into the output.
     */
    public static Terminal pipedTerminal(InputStream in, Writer out) throws IOException {
        return new DumbTerminal("gwctl", Terminal.TYPE_DUMB, in, new WriterOutputStream(out), StandardCharsets.UTF_8);
    }

    /** Reads and runs lines until {@code exit}, {@code quit} or the end of input; the shell's exit code, 0. */
    public int run() {
        PrintWriter out = terminal.writer();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gwctl")
                .completer(new ShellCompleter(completer()))
                .variable(LineReader.HISTORY_FILE, historyFile(environment))
                // '!' is literal in regexes and headers, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        if (environment.terminal()) {
            out.println("gwctl shell: Tab completes; 'use -f DIR' sets -f for the commands after it; 'help' lists the "
                    + "commands; 'exit' or Ctrl-D leaves.");
        }
        String prompt = prompt();
        while (!exitRequested) {
            try {
                reader.readLine(prompt);
            } catch (UserInterruptException e) {
                // The interrupt that ended the read may still be pending; it must not end the next one.
                Thread.interrupted();
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
            if (!words.isEmpty()) {
                execute(words, out);
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("warning: history not saved to " + historyFile(environment) + ": " + e.getMessage());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void execute(List<String> words, PrintWriter out) {
        CommandLine cmd = commandLine(out);
        List<String> args = defaults.apply(cmd, words);
        try (CommandSignals signals = CommandSignals.interrupting(Thread.currentThread())) {
            cmd.execute(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            out.println("Error: internal error: " + e);
        } finally {
            // A Ctrl-C the command did not wait for must not cut the next prompt short.
            Thread.interrupted();
            out.flush();
        }
    }

    /**
     * gwctl's command line, plus {@code use} and {@code exit}, less {@code shell}. Commands get no standard input:
     * the terminal belongs to the shell.
     */
    private CommandLine commandLine(PrintWriter out) {
        Environment commands = new Environment(InputStream.nullInputStream(), environment.variables(),
                environment.terminal());
        CommandLine cmd = CommandLineFactory.create(out, out, commands);
        cmd.getCommandSpec().removeSubcommand("shell");
        cmd.addSubcommand(new CommandLine(new UseCommand(defaults)));
        cmd.addSubcommand(new CommandLine(new ExitCommand(() -> exitRequested = true)));
        // picocli gives subcommands added later the default streams: give them the terminal's again.
        cmd.setOut(out);
        cmd.setErr(out);
        return cmd;
    }

    private SystemCompleter completer() {
        SystemCompleter completer = new PicocliCommands(commandLine(new PrintWriter(PrintWriter.nullWriter())))
                .compileCompleters();
        completer.compile();
        return completer;
    }

    private String prompt() {
        if (!environment.terminal()) {
            return "";
        }
        if (!environment.colour()) {
            return "gwctl> ";
        }
        return new AttributedString("gwctl> ", AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)).toAnsi(terminal);
    }
}
