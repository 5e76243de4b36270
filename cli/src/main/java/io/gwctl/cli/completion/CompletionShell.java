package io.gwctl.cli.completion;

import java.util.function.Function;
import picocli.CommandLine;

/** The shells {@code gwctl completion} writes a script for. */
public enum CompletionShell {
    /** picocli's bash script with gwctl's layer for files and Gateway names. */
    bash(BashCompletionScript::generate),
    /** The bash script, which loads zsh's bashcompinit when zsh sources it. */
    zsh(BashCompletionScript::generate),
    /** gwctl's fish script, generated from the same model. */
    fish(FishCompletionScript::generate);

    private final Function<CommandLine, String> generator;

    CompletionShell(Function<CommandLine, String> generator) {
        this.generator = generator;
    }

    /** The script for the command line whose root is {@code root}. */
    public String script(CommandLine root) {
        return generator.apply(root);
    }
}
