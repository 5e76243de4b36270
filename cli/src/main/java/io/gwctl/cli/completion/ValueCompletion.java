package io.gwctl.cli.completion;

import io.gwctl.cli.CommandTree;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What a shell offers for an option's or a positional's value, decided from the command model so every
 * shell's script agrees: nothing for a flag, the candidates of an enum, file names for a path, the Gateways
 * in the {@code -f} files for {@code --gateway}, and nothing (free text) otherwise.
 */
public enum ValueCompletion {
    /** A flag: it takes no value. */
    NONE,
    /** One of picocli's completion candidates (an enum's constants). */
    CANDIDATES,
    /** A file or directory name. */
    FILE,
    /** {@code namespace/name} of a Gateway in the files given with {@code -f}, from {@code gwctl __complete gateways}. */
    GATEWAY,
    /** Free text: no suggestion. */
    TEXT;

    /** The long option whose value names a Gateway. */
    public static final String GATEWAY_OPTION = "--gateway";
    /** The parameter label of the options that take a file, a directory or {@code -}. */
    public static final String PATH_LABEL = "PATH";

    /** How the value of {@code arg} completes. */
    public static ValueCompletion of(ArgSpec arg) {
        if (arg.arity().max() == 0) {
            return NONE;
        }
        if (arg.completionCandidates() != null) {
            return CANDIDATES;
        }
        if (arg instanceof OptionSpec option && option.longestName().equals(GATEWAY_OPTION)) {
            return GATEWAY;
        }
        Class<?> type = arg.typeInfo().isMultiValue() ? arg.typeInfo().getAuxiliaryTypes()[0] : arg.type();
        if (type == File.class || type == Path.class || PATH_LABEL.equals(arg.paramLabel())) {
            return FILE;
        }
        return TEXT;
    }

    /** The names of the visible options anywhere under {@code root} whose values complete as {@code kind}. */
    static Set<String> optionNames(CommandLine root, ValueCompletion kind) {
        Set<String> names = new LinkedHashSet<>();
        for (CommandSpec spec : CommandTree.visible(root)) {
            for (OptionSpec option : spec.options()) {
                if (!option.hidden() && of(option) == kind) {
                    names.addAll(List.of(option.names()));
                }
            }
        }
        return names;
    }
}
