package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kubeconfig files of one run read as one, as kubectl merges the files of {@code KUBECONFIG}
 * (kubernetes/client-go {@code tools/clientcmd/loader.go}, {@code ClientConfigLoadingRules.Load}):
 * <ul>
 * <li>a context, cluster or user is taken whole from the first file that names it; a later file's entry of
 *     the same name is ignored, even for fields the first left out;</li>
 * <li>{@code current-context} is the first file's that sets one;</li>
 * <li>a relative path in an entry (certificate-authority, client-certificate, client-key, an exec command)
 *     resolves against the directory of the file that defined the entry;</li>
 * <li>an empty file adds nothing.</li>
 * </ul>
 *
 * <p>fabric8 merges several files this way only when it finds them itself, in the process's own
 * {@code KUBECONFIG}; gwctl is given its files, so it merges the parsed files into one here and lets fabric8
 * build the client's config from that one. Each entry keeps the file fabric8's parser tagged it with, which
 * is what fabric8 resolves that entry's relative paths against.
 */
final class MergedKubeconfig {

    private final List<Path> files;
    private final Config merged;

    private MergedKubeconfig(List<Path> files, Config merged) {
        this.files = List.copyOf(files);
        this.merged = Objects.requireNonNull(merged, "merged");
    }

    /**
     * Reads and merges {@code files}, earlier files first.
     *
     * @throws UserException (exit 2) naming the file that cannot be read or is not a kubeconfig
     */
    static MergedKubeconfig read(List<Path> files) {
        List<Config> parsed = new ArrayList<>();
        for (Path file : files) {
            parse(file).ifPresent(parsed::add);
        }
        return new MergedKubeconfig(files, merge(parsed));
    }

    /** {@code configs} as one, the first to name an entry or set {@code current-context} winning. */
    static Config merge(List<Config> configs) {
        Map<String, NamedContext> contexts = new LinkedHashMap<>();
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        String currentContext = null;
        for (Config config : configs) {
            firstByName(config.getContexts(), NamedContext::getName, contexts);
            firstByName(config.getClusters(), NamedCluster::getName, clusters);
            firstByName(config.getUsers(), NamedAuthInfo::getName, users);
            if (currentContext == null && config.getCurrentContext() != null && !config.getCurrentContext().isEmpty()) {
                currentContext = config.getCurrentContext();
            }
        }
        Config merged = new Config();
        merged.setCurrentContext(currentContext);
        merged.setContexts(new ArrayList<>(contexts.values()));
        merged.setClusters(new ArrayList<>(clusters.values()));
        merged.setUsers(new ArrayList<>(users.values()));
        return merged;
    }

    /**
     * The client's config for {@code context}, else for {@code current-context}.
     *
     * @throws UserException (exit 2) when that context is not defined, or none is given and none is current
     */
    io.fabric8.kubernetes.client.Config clientConfig(Optional<String> context) {
        String name = context.orElse(merged.getCurrentContext());
        if (name == null) {
            throw new UserException(ExitCodes.USAGE, origin() + " has no current-context; give --context NAME");
        }
        boolean defined = merged.getContexts().stream()
                .anyMatch(c -> name.equals(c.getName()) && c.getContext() != null);
        if (!defined) {
            throw new UserException(ExitCodes.USAGE, context.isPresent()
                    ? origin() + " has no context " + name
                    : origin() + " has no context " + name + ", its current-context; give --context NAME");
        }
        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.empty();
        try {
            KubeConfigUtils.merge(config, name, merged);
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, origin() + ": " + ClusterConnection.firstLine(e.getMessage()));
        }
        return config;
    }

    /** {@code kubeconfig FILE}, or {@code kubeconfig FILE1:FILE2} for a merged list, for messages. */
    String origin() {
        return "kubeconfig " + files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static Optional<Config> parse(Path file) {
        try {
            if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).isBlank()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "kubeconfig " + file + ": cannot read: " + e.getMessage());
        }
        try {
            return Optional.of(KubeConfigUtils.parseConfig(file.toAbsolutePath().toFile()));
        } catch (RuntimeException e) {
            // fabric8 wraps what Jackson throws; a YAML syntax error comes through as the parser's own exception.
            Throwable why = e instanceof KubernetesClientException && e.getCause() != null ? e.getCause() : e;
            throw new UserException(ExitCodes.USAGE, "kubeconfig " + file + ": not a kubeconfig: "
                    + ClusterConnection.firstLine(why.getMessage()));
        }
    }

    private static <T> void firstByName(List<T> entries, Function<T, String> name, Map<String, T> into) {
        if (entries != null) {
            for (T entry : entries) {
                if (name.apply(entry) != null) {
                    into.putIfAbsent(name.apply(entry), entry);
                }
            }
        }
    }
}
