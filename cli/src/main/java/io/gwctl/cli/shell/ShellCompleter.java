package io.gwctl.cli.shell;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jline.builtins.Completers.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the shell: file names after an option that takes a path, as the bash and zsh scripts of
 * {@code gwctl completion} do; everything else (commands, options, enum values) from the picocli model.
 */
final class ShellCompleter implements Completer {

    private static final Set<String> PATH_OPTIONS = Set.of("-f", "--filename", "--file", "--output-file");

    private final Completer commands;
    private final Completer files = new FileNameCompleter();

    ShellCompleter(Completer commands) {
        this.commands = Objects.requireNonNull(commands, "commands");
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        int index = line.wordIndex();
        if (index > 0 && PATH_OPTIONS.contains(line.words().get(index - 1))) {
            files.complete(reader, line, candidates);
        } else {
            commands.complete(reader, line, candidates);
        }
    }
}
