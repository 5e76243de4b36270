package io.gwctl.cli.commands;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.SourcePaths;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -f PATH...} and {@code -n NAMESPACE}: where resources come from. */
public final class InputOptions {

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "PATH",
            description = "A file, a directory (read recursively for .yaml, .yml and .json), or - for standard input. Repeatable.")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", defaultValue = "default",
            description = "The namespace of objects that set none (default: ${DEFAULT-VALUE}).")
    String namespace;

    /** Loads every source; a path that does not exist is a usage error (exit 2) before anything is read. */
    public ConfigSet load(InputStream stdin) {
        SourcePaths.Expansion expansion = SourcePaths.expand(paths, stdin);
        if (!expansion.missing().isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "no such file or directory: " + String.join(", ", expansion.missing()));
        }
        return ConfigSet.load(expansion.sources(), new ResourceReader(namespace));
    }
}
