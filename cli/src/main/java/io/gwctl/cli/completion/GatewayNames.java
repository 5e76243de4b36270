package io.gwctl.cli.completion;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.FileSource;
import io.gwctl.model.source.SourcePaths;
import io.gwctl.model.yaml.ParsedDocument;
import io.gwctl.model.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The Gateways in some files, as {@code namespace/name} (what {@code --gateway} takes), for completion while
 * a user types: it only parses the YAML and reads {@code apiVersion}, {@code kind} and {@code metadata}, with
 * no binding and no checks, and skips whatever it cannot read, since a half-written file is the normal case
 * at the prompt.
 */
public final class GatewayNames {

    /** The options a completion script passes on from the command line being typed. */
    public static final List<String> FORWARDED_OPTIONS = List.of("-f", "--filename", "-n", "--namespace");

    private static final YamlReader YAML = new YamlReader();

    private GatewayNames() {
    }

    /**
     * The Gateways in {@code paths} (files and directories as {@code -f} takes them; standard input is never
     * read), sorted and each once.
     *
     * @param namespace the namespace of Gateways that set none ({@code -n}, else {@code default})
     */
    public static List<String> in(List<String> paths, String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        List<String> files = paths.stream().filter(p -> !p.equals("-")).toList();
        TreeSet<String> names = new TreeSet<>();
        for (ConfigSource source : expand(files)) {
            if (source instanceof FileSource file) {
                for (ParsedDocument document : parse(file)) {
                    collect(document.root(), namespace, names);
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<ConfigSource> expand(List<String> files) {
        try {
            return SourcePaths.expand(files, InputStream.nullInputStream()).sources();
        } catch (UncheckedIOException | InvalidPathException e) {
            return List.of();
        }
    }

    private static List<ParsedDocument> parse(FileSource file) {
        try {
            if (Files.size(file.path()) > YamlReader.MAX_FILE_BYTES) {
                return List.of();
            }
            return YAML.read(file.name(), Files.readAllBytes(file.path())).documents();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void collect(Object root, String namespace, TreeSet<String> names) {
        if (!(root instanceof Map<?, ?> object)) {
            return;
        }
        if ("List".equals(object.get("kind")) && object.get("items") instanceof List<?> items) {
            items.forEach(item -> collect(item, namespace, names));
            return;
        }
        if (!(object.get("apiVersion") instanceof String apiVersion) || !(object.get("kind") instanceof String kind)
                || ResourceType.of(apiVersion, kind).filter(ResourceType.GATEWAY::equals).isEmpty()) {
            return;
        }
        Map<?, ?> metadata = object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        if (metadata.get("name") instanceof String name && !name.isEmpty()) {
            String ns = metadata.get("namespace") instanceof String s && !s.isEmpty() ? s : namespace;
            names.add(ns + "/" + name);
        }
    }
}
