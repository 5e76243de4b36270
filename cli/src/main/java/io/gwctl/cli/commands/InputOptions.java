package io.gwctl.cli.commands;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.GwctlCommand;
import io.gwctl.cli.UserException;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.LoadListener;
import io.gwctl.model.source.SourcePaths;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code -f PATH...}: where resources come from; objects that set no namespace go to the global {@code -n}. */
public final class InputOptions {

    // Checked in load() rather than by picocli: `convert -f` and `convert ingress -f` share these options,
    // and picocli would demand the parent's required options even when a subcommand runs.
    @Option(names = {"-f", "--filename"}, paramLabel = "PATH",
            description = "A file, a directory (read recursively for .yaml, .yml and .json), or - for standard input. Repeatable.")
    List<String> paths = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /**
     * Loads every source, objects that set no namespace going to {@code -n} (else {@code default}); a path that
     * does not exist is a usage error (exit 2) before anything is read.
     */
    public ConfigSet load(InputStream stdin) {
        return load(stdin, LoadListener.NONE);
    }

    /** As {@link #load(InputStream)}, telling {@code listener} as each file is read. */
    public ConfigSet load(InputStream stdin, LoadListener listener) {
        if (paths.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "Missing required option: '--filename=PATH'");
        }
        return load(stdin, GwctlCommand.clusterOptions(mixee).fileNamespace(), listener);
    }

    /**
     * Loads the sources given, none being fine (the input may come from a cluster as well).
     *
     * @param namespace the namespace of objects that set none
     */
    public ConfigSet loadGiven(InputStream stdin, String namespace) {
        return loadGiven(stdin, namespace, LoadListener.NONE);
    }

    /** As {@link #loadGiven(InputStream, String)}, telling {@code listener} as each file is read. */
    public ConfigSet loadGiven(InputStream stdin, String namespace, LoadListener listener) {
        return paths.isEmpty() ? new ConfigSet(List.of()) : load(stdin, namespace, listener);
    }

    private ConfigSet load(InputStream stdin, String namespace, LoadListener listener) {
        SourcePaths.Expansion expansion = SourcePaths.expand(paths, stdin);
        if (!expansion.missing().isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "no such file or directory: " + String.join(", ", expansion.missing()));
        }
        return ConfigSet.load(expansion.sources(), new ResourceReader(namespace), listener);
    }
}
