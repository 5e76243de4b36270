package io.gwctl.cli.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import java.nio.file.Path;
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
     * Connects as {@code kubectl --kubeconfig FILE --context NAME} would: the context, else the file's current one.
     * Nothing is requested yet, so an unreachable server shows at the first read.
     */
    static ClusterConnection open(Path kubeconfig, ClusterOptions options) {
        Config config;
        try {
            config = Config.fromKubeconfig(options.context().orElse(null), kubeconfig.toFile());
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, "kubeconfig " + kubeconfig + ": " + firstLine(e.getMessage()));
        }
        if (config.getCurrentContext() == null) {
            throw new UserException(ExitCodes.USAGE, options.context()
                    .map(c -> "kubeconfig " + kubeconfig + " has no context " + c)
                    .orElse("kubeconfig " + kubeconfig + " has no current-context; give --context NAME"));
        }
        if (options.context().isPresent() && !options.context().get().equals(config.getCurrentContext().getName())) {
            throw new UserException(ExitCodes.USAGE, "kubeconfig " + kubeconfig + " has no context " + options.context().get());
        }
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
