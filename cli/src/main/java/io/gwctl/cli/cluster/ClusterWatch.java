package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live objects of a cluster, kept current by one informer per kind (list once, then watch), for a gateway
 * that serves them ({@code run-gateway --from-cluster}) as istiod serves a cluster's config to its gateways.
 *
 * <p>Every namespace is watched, as istiod watches them: Gateways, routes, Services and Secrets live apart.
 * A change calls back once a burst of changes has settled, on this watch's own thread, and only when the
 * objects differ from those last read with {@link #objects()}, so the informers' first list and a change undone
 * within the burst cause no reload. The objects are read from the informers' caches, never listed again.
 *
 * <p>A watch that breaks in a way fabric8 cannot mend by itself (its informer's
 * {@link io.fabric8.kubernetes.client.informers.ExceptionHandler} is asked) is reported once on stderr; the
 * informer keeps trying, with fabric8's back-off, and the caches keep what they last had, so a gateway keeps
 * serving when the API server goes away.
 */
public final class ClusterWatch implements AutoCloseable {

    /** How long the cluster must stay quiet before a reload, as the file watcher waits for an editor. */
    private static final long SETTLE_MILLIS = 200;
    /** How long the first list of a kind may take: the client's own request timeout comes first. */
    private static final long START_SECONDS = 60;
    private static final String ALL_NAMESPACES = "all namespaces";

    private record Informed(SharedIndexInformer<GenericKubernetesResource> informer, String apiVersion) {
    }

    private final ClusterConnection cluster;
    private final String domainSuffix;
    private final PrintWriter err;
    private final Map<ClusterKind, Informed> informers = new EnumMap<>(ClusterKind.class);
    private final ScheduledExecutorService settle;
    private final AtomicBoolean brokenReported = new AtomicBoolean();
    private volatile Runnable onChange = () -> { };
    private volatile boolean started;
    private volatile boolean closed;
    private ScheduledFuture<?> pending;
    private String lastRead;

    private ClusterWatch(ClusterConnection cluster, String domainSuffix, PrintWriter err) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.domainSuffix = Objects.requireNonNull(domainSuffix, "domainSuffix");
        this.err = Objects.requireNonNull(err, "err");
        this.settle = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gwctl-cluster-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects to the cluster the global options name and lists every kind gateway config needs, then watches
     * them. EndpointSlices are watched too when they can be listed; when they cannot, that is said once on
     * {@code err} and the watch goes on without them.
     *
     * @param domainSuffix the cluster domain of Service host names
     * @throws UserException (exit 2) with one line when the cluster cannot be read, as {@code validate --from-cluster}
     */
    public static ClusterWatch start(ClusterOptions options, Environment environment, String domainSuffix,
            PrintWriter err) {
        List<Path> kubeconfigs = new KubeconfigLocator(environment).locate(options.kubeconfig());
        ClusterWatch watch = new ClusterWatch(ClusterConnection.open(kubeconfigs, options), domainSuffix, err);
        try {
            for (ClusterKind kind : ClusterKind.GATEWAY_CONFIG.stream().sorted(Comparator.comparing(Enum::ordinal)).toList()) {
                Optional<KubernetesClientException> failed = watch.inform(kind);
                if (failed.isPresent()) {
                    throw ClusterErrors.describe(failed.get(), kind, ALL_NAMESPACES, watch.cluster);
                }
            }
            watch.inform(ClusterKind.ENDPOINT_SLICE).ifPresent(e -> {
                err.println("warning: " + ClusterErrors.describe(e, ClusterKind.ENDPOINT_SLICE, ALL_NAMESPACES,
                        watch.cluster).getMessage() + "; upstreams come from --upstream only");
                err.flush();
            });
            watch.started = true;
            return watch;
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    /** {@code -n}, else the context's namespace, else {@code default}: the namespace of file objects that set none. */
    public String namespace() {
        return cluster.namespace();
    }

    /** Whether EndpointSlices are watched (they could be listed at the start). */
    public boolean endpointSlices() {
        return informers.containsKey(ClusterKind.ENDPOINT_SLICE);
    }

    /**
     * Calls {@code listener} on this watch's thread whenever the objects have changed since they were last read
     * with {@link #objects()}; a change made before this call is not missed.
     */
    public void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
        changed();
    }

    /** The objects as the informers' caches have them now, in kind, namespace and name order. */
    public LiveObjects objects() {
        String version = version();
        KubernetesSerialization serialization = cluster.client().getKubernetesSerialization();
        List<Map<String, Object>> trees = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (Map.Entry<ClusterKind, Informed> e : informers.entrySet()) {
            if (e.getKey() == ClusterKind.ENDPOINT_SLICE) {
                continue;
            }
            for (GenericKubernetesResource item : sorted(e.getValue())) {
                @SuppressWarnings("unchecked")
                Map<String, Object> tree = serialization.convertValue(item, Map.class);
                trees.add(ClusterTrees.normalize(tree, e.getValue().apiVersion(), e.getKey().kind()));
                if (e.getKey() == ClusterKind.SERVICE) {
                    services.add(serialization.convertValue(item, Service.class));
                }
            }
        }
        List<EndpointSlice> slices = new ArrayList<>();
        Informed sliceInformer = informers.get(ClusterKind.ENDPOINT_SLICE);
        if (sliceInformer != null) {
            for (GenericKubernetesResource item : sorted(sliceInformer)) {
                slices.add(serialization.convertValue(item, EndpointSlice.class));
            }
        }
        synchronized (this) {
            lastRead = version;
        }
        return new LiveObjects(ClusterSource.toSource(trees, cluster.namespace()),
                EndpointSliceUpstreams.of(services, slices, domainSuffix));
    }

    /** Stops the informers, this watch's thread and the client; nothing of the watch is left running. */
    @Override
    public void close() {
        closed = true;
        settle.shutdownNow();
        try {
            settle.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        informers.values().forEach(i -> i.informer().close());
        cluster.close();
    }

    /** Lists and watches {@code kind} at the first version the server serves; the failure, when none can be. */
    private Optional<KubernetesClientException> inform(ClusterKind kind) {
        KubernetesClientException failed = null;
        for (String version : kind.versions()) {
            SharedIndexInformer<GenericKubernetesResource> informer =
                    ClusterReader.resources(cluster, kind, version, Optional.empty()).runnableInformer(0);
            informer.exceptionHandler(this::keepWatching);
            informer.addEventHandler(new ResourceEventHandler<GenericKubernetesResource>() {
                @Override
                public void onAdd(GenericKubernetesResource obj) {
                    changed();
                }

                @Override
                public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                    changed();
                }

                @Override
                public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
                    changed();
                }
            });
            try {
                informer.start().toCompletableFuture().get(START_SECONDS, TimeUnit.SECONDS);
                informers.put(kind, new Informed(informer, kind.apiVersion(version)));
                return Optional.empty();
            } catch (ExecutionException e) {
                informer.close();
                failed = clientException(e.getCause());
                if (failed.getCode() != 404) {
                    return Optional.of(failed);
                }
            } catch (TimeoutException e) {
                informer.close();
                throw new UserException(ExitCodes.USAGE, "cannot reach the API server " + cluster.server()
                        + " of context " + cluster.context() + ": no answer in time");
            } catch (InterruptedException e) {
                informer.close();
                Thread.currentThread().interrupt();
                throw new UserException(ExitCodes.USAGE, "interrupted while reading the cluster");
            }
        }
        return Optional.of(failed);
    }

    private static KubernetesClientException clientException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException k) {
                return k;
            }
        }
        return new KubernetesClientException(ClusterConnection.firstLine(failure == null ? null : failure.getMessage()),
                failure);
    }

    /**
     * The informers' {@link io.fabric8.kubernetes.client.informers.ExceptionHandler}: the first list failing
     * ends the start (the caller reports it); after that, a watch fabric8 could not resume is said once, and
     * tried again with back-off.
     */
    boolean keepWatching(boolean listed, Throwable failure) {
        if (!listed) {
            return false;
        }
        if (!closed && brokenReported.compareAndSet(false, true)) {
            err.println("warning: the watch on the cluster " + cluster.server() + " broke: "
                    + ClusterConnection.firstLine(failure.getMessage())
                    + "; the last good config keeps serving while gwctl tries to watch again");
            err.flush();
        }
        return true;
    }

    private synchronized void changed() {
        if (!started || closed) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = settle.schedule(this::settled, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void settled() {
        String version = version();
        synchronized (this) {
            if (closed || version.equals(lastRead)) {
                return;
            }
        }
        onChange.run();
    }

    /** What identifies the caches' content: every object's kind, namespace, name and resource version. */
    private String version() {
        StringBuilder version = new StringBuilder();
        for (Map.Entry<ClusterKind, Informed> e : informers.entrySet()) {
            for (GenericKubernetesResource item : sorted(e.getValue())) {
                ObjectMeta m = item.getMetadata();
                version.append(e.getKey().kind()).append('/').append(m.getNamespace()).append('/').append(m.getName())
                        .append('@').append(m.getResourceVersion() != null ? m.getResourceVersion() : item.hashCode())
                        .append('\n');
            }
        }
        return version.toString();
    }

    private static List<GenericKubernetesResource> sorted(Informed informed) {
        return informed.informer().getStore().list().stream()
                .sorted(Comparator.comparing((GenericKubernetesResource r) -> String.valueOf(r.getMetadata().getNamespace()))
                        .thenComparing(r -> String.valueOf(r.getMetadata().getName())))
                .toList();
    }
}
