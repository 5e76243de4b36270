package io.gwctl.cli.cluster;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options kubectl users type without thinking: {@code --kubeconfig}, {@code --context},
 * {@code -n/--namespace} and {@code -A/--all-namespaces}, given before or after the subcommand.
 *
 * <p>They are read as kubectl reads them (kubernetes/client-go {@code tools/clientcmd/loader.go}): the
 * kubeconfig is {@code --kubeconfig}, else the files of {@code KUBECONFIG} merged, else {@code ~/.kube/config}
 * (see {@link KubeconfigLocator} and {@code MergedKubeconfig}); the context is
 * {@code --context}, else the file's {@code current-context}; the namespace is {@code -n}, else the context's,
 * else {@code default}. Without {@code --from-cluster} no kubeconfig is read at all, and {@code -n} only names
 * the namespace of objects in {@code -f} files that set none.
 *
 * <p>This class names no Kubernetes client type, so that a plain {@code validate -f} never loads the client.
 */
public final class ClusterOptions {

    /** The namespace of objects that set none when no cluster says otherwise, as kubectl's. */
    public static final String DEFAULT_NAMESPACE = "default";

    @Option(names = "--kubeconfig", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The kubeconfig to read with --from-cluster, alone (default: the files of $KUBECONFIG, merged as"
                    + " kubectl merges them, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The kubeconfig context to use with --from-cluster (default: its current-context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", scope = ScopeType.INHERIT,
            description = "The namespace of objects in -f files that set none, and with --from-cluster the namespace"
                    + " to read or report on (default: the context's namespace with --from-cluster, else default).")
    String namespace;

    @Option(names = {"-A", "--all-namespaces"}, scope = ScopeType.INHERIT,
            description = "With --from-cluster: every namespace rather than one.")
    Boolean allNamespaces;

    /** {@code --kubeconfig}, when given. */
    public Optional<Path> kubeconfig() {
        return Optional.ofNullable(kubeconfig);
    }

    /** {@code --context}, when given. */
    public Optional<String> context() {
        return Optional.ofNullable(context).filter(c -> !c.isEmpty());
    }

    /** {@code -n}, when given. */
    public Optional<String> namespace() {
        return Optional.ofNullable(namespace).filter(n -> !n.isEmpty());
    }

    /** The namespace of objects in files that set none, when no cluster is read: {@code -n}, else {@code default}. */
    public String fileNamespace() {
        return namespace().orElse(DEFAULT_NAMESPACE);
    }

    /** Whether {@code -A} was given. */
    public boolean allNamespaces() {
        return Boolean.TRUE.equals(allNamespaces);
    }
}
