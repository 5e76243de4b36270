package io.gwctl.model.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Expands the {@code -f} arguments into sources, as istioctl and kubectl do: a file as it is, a directory
 * walked recursively for {@code .yaml}, {@code .yml} and {@code .json} files in name order, {@code -} for
 * standard input.
 */
public final class SourcePaths {

    private SourcePaths() {
    }

    /** The result of expanding the arguments: the sources, and the arguments that name nothing. */
    public record Expansion(List<ConfigSource> sources, List<String> missing) {
        public Expansion {
            sources = List.copyOf(sources);
            missing = List.copyOf(missing);
        }
    }

    /**
     * Expands {@code args}.
     *
     * @param args  the {@code -f} values
     * @param stdin what {@code -} reads
     */
    public static Expansion expand(List<String> args, InputStream stdin) {
        List<ConfigSource> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean stdinUsed = false;
        for (String arg : args) {
            if (arg.equals("-")) {
                if (!stdinUsed) {
                    sources.add(new StdinSource(stdin));
                    stdinUsed = true;
                }
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                sources.addAll(walk(path, arg));
            } else if (Files.exists(path)) {
                sources.add(new FileSource(path, arg));
            } else {
                missing.add(arg);
            }
        }
        return new Expansion(sources, missing);
    }

    private static List<ConfigSource> walk(Path dir, String arg) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(SourcePaths::isConfigFile)
                    .sorted()
                    .map(p -> (ConfigSource) new FileSource(p, displayName(dir, arg, p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String displayName(Path dir, String arg, Path file) {
        String relative = dir.relativize(file).toString();
        return arg.endsWith("/") ? arg + relative : arg + "/" + relative;
    }

    private static boolean isConfigFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }
}
