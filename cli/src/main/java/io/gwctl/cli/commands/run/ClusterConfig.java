package io.gwctl.cli.commands.run;

import io.gwctl.cli.Environment;
import io.gwctl.cli.cluster.ClusterOptions;
import io.gwctl.cli.cluster.ClusterSource;
import io.gwctl.cli.cluster.ClusterWatch;
import io.gwctl.cli.cluster.LiveObjects;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * {@code run-gateway --from-cluster}: the live config of the kubeconfig's cluster, watched. The only class of
 * {@code run-gateway} that reaches the Kubernetes client, and only when the option is given.
 *
 * <p>Errors count as {@code validate --from-cluster} reports them (istio/istio
 * {@code pkg/config/analysis/local/analyze.go}): those on the files always, those on live objects in the
 * selected namespace, or in every namespace with {@code -A}; a broken object elsewhere in the cluster does not
 * stop this gateway.
 */
final class ClusterConfig implements LiveConfig {

    private final ClusterWatch watch;
    private final boolean allNamespaces;

    private ClusterConfig(ClusterWatch watch, boolean allNamespaces) {
        this.watch = Objects.requireNonNull(watch, "watch");
        this.allNamespaces = allNamespaces;
    }

    /**
     * Reads and watches the cluster the global options name.
     *
     * @throws io.gwctl.cli.UserException (exit 2) with one line when the cluster cannot be read
     */
    static ClusterConfig open(ClusterOptions options, Environment environment, String domainSuffix, PrintWriter err) {
        return new ClusterConfig(ClusterWatch.start(options, environment, domainSuffix, err), options.allNamespaces());
    }

    @Override
    public String namespace() {
        return watch.namespace();
    }

    @Override
    public LiveObjects objects() {
        return watch.objects();
    }

    @Override
    public boolean counts(Diagnostic d) {
        boolean live = d.file().startsWith(ClusterSource.NAME + ":") || d.file().equals(ClusterSource.NAME);
        return allNamespaces || !live || d.namespace().isEmpty() || d.namespace().equals(watch.namespace());
    }

    @Override
    public void onChange(Runnable listener) {
        watch.onChange(listener);
    }

    @Override
    public void close() {
        watch.close();
    }
}
