package io.gwctl.cli.cluster;

import io.gwctl.cli.Environment;
import io.gwctl.cli.progress.Progress;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.LoadedSource;
import io.gwctl.model.yaml.ParseProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live objects of a cluster as one more source of resources ({@code --from-cluster}): read once, bound
 * to the same typed resources as objects of files, each named {@code cluster:Gateway/istio-system/gw} where a
 * file's would have a path and line.
 */
public final class ClusterSource {

    /** The name of the cluster's source among the sources of a run. */
    public static final String NAME = "cluster";

    private ClusterSource() {
    }

    /**
     * What one read gave.
     *
     * @param objects   the objects, in kind, namespace and name order
     * @param namespace {@code -n}, else the context's namespace, else {@code default}: the namespace of objects
     *                  in files that set none, and the one findings are reported for without {@code -A}
     */
    public record Snapshot(LoadedSource objects, String namespace) {
    }

    /**
     * Reads {@code kinds} from the cluster the global options name, showing nothing while it reads.
     *
     * @see #read(ClusterOptions, Environment, Set, boolean, Progress)
     */
    public static Snapshot read(ClusterOptions options, Environment environment, Set<ClusterKind> kinds,
            boolean everyNamespace) {
        return read(options, environment, kinds, everyNamespace, Progress.none());
    }

    /**
     * Reads {@code kinds} from the cluster the global options name, telling {@code progress} which kind is being
     * read and how many objects have come so far: {@code reading VirtualServices from cluster kind-dev: 1,240 objects}.
     *
     * @param everyNamespace read all namespaces whatever {@code -n} says (as istiod and {@code istioctl analyze}
     *                       do: a VirtualService binds to Gateways of other namespaces); else {@code -A} decides
     * @param progress       the status line on a terminal
     * @throws io.gwctl.cli.UserException (exit 2) with one line when the cluster cannot be read
     */
    public static Snapshot read(ClusterOptions options, Environment environment, Set<ClusterKind> kinds,
            boolean everyNamespace, Progress progress) {
        List<Path> kubeconfigs = new KubeconfigLocator(environment).locate(options.kubeconfig());
        try (ClusterConnection cluster = ClusterConnection.open(kubeconfigs, options)) {
            Optional<String> scope = everyNamespace || options.allNamespaces()
                    ? Optional.empty() : Optional.of(cluster.namespace());
            ClusterReader reader = new ClusterReader(cluster);
            List<ClusterKind> ordered = kinds.stream().sorted(Comparator.comparing(Enum::ordinal)).toList();
            List<Map<String, Object>> trees = new ArrayList<>();
            AtomicInteger read = new AtomicInteger();
            for (ClusterKind kind : ordered) {
                progress.status(status(kind, cluster.context(), read.get()));
                trees.addAll(reader.list(kind, scope,
                        page -> progress.status(status(kind, cluster.context(), read.addAndGet(page)))));
            }
            return new Snapshot(toSource(trees, cluster.namespace()), cluster.namespace());
        }
    }

    /** {@code reading VirtualServices from cluster kind-dev: 1,240 objects}, the count over every kind so far. */
    static String status(ClusterKind kind, String context, int objects) {
        return String.format(Locale.ROOT, "reading %s from cluster %s: %,d object%s", kind.kindPlural(), context, objects,
                objects == 1 ? "" : "s");
    }

    /** Binds served trees as {@link ResourceReader} binds a file's objects. */
    static LoadedSource toSource(List<Map<String, Object>> trees, String namespace) {
        ResourceReader reader = new ResourceReader(namespace);
        List<ParseProblem> problems = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        for (Map<String, Object> tree : trees) {
            reader.readTree(sourceOf(tree), tree, problems).ifPresent(resources::add);
        }
        return new LoadedSource(NAME, resources, problems);
    }

    /** {@code cluster:Gateway/istio-system/gw}, {@code cluster:Namespace/web} for a cluster-scoped object. */
    static String sourceOf(Map<String, Object> tree) {
        Map<?, ?> metadata = tree.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object namespace = metadata.get("namespace");
        String name = String.valueOf(metadata.get("name"));
        return NAME + ":" + tree.get("kind") + "/" + (namespace instanceof String ns && !ns.isEmpty() ? ns + "/" : "") + name;
    }
}
