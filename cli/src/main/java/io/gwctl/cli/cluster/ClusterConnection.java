package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A client for the API server of one kubeconfig context, and the namespace that context gives.
 *
 * <p>A command line tool answers at once: a connection that cannot be made within a few seconds is an error,
 * and no request is retried (fabric8 would retry ten times with back-off by default).
 */
final class ClusterConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int REQUEST_TIMEOUT_MILLIS = 30_000;

    private final KubernetesClient client;
    private final String context;
    private final String namespace;

    private ClusterConnection(KubernetesClient client, String context, String namespace) {
        this.client = Objects.requireNonNull(client, "client");
        this.context = Objects.requireNonNull(context, "context");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /**
     * Connects as kubectl would to the context {@code --context} names, else to the current one, of the
     * kubeconfig files {@link KubeconfigLocator} found, merged as {@link MergedKubeconfig} says. Nothing is
     * requested yet, so an unreachable server shows at the first read.
     *
     * @param kubeconfigs the files, in order of precedence: one for {@code --kubeconfig}, several for a
     *                    {@code KUBECONFIG} path list
     * @throws io.gwctl.cli.UserException (exit 2) naming the file when a kubeconfig cannot be read or has no
     *                                    such context
     */
    static ClusterConnection open(List<Path> kubeconfigs, ClusterOptions options) {
        Config config = MergedKubeconfig.read(kubeconfigs).clientConfig(options.context());
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        config.setRequestRetryBackoffLimit(0);
        String namespace = options.namespace()
                .orElse(config.getNamespace() == null || config.getNamespace().isEmpty()
                        ? ClusterOptions.DEFAULT_NAMESPACE : config.getNamespace());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        return new ClusterConnection(client, config.getCurrentContext().getName(), namespace);
    }

    KubernetesClient client() {
        return client;
    }

    /** The context's name, for messages. */
    String context() {
        return context;
    }

    /** {@code -n}, else the context's namespace, else {@code default}. */
    String namespace() {
        return namespace;
    }

    /** The API server's URL, for messages. */
    String server() {
        return client.getMasterUrl().toString();
    }

    @Override
    public void close() {
        client.close();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
