package io.gwctl.cli.commands.run;

import io.gwctl.cli.cluster.LiveObjects;
import io.gwctl.validate.diagnostic.Diagnostic;

/**
 * Config that is not in files and is read anew at every load: the live objects of a cluster, which the
 * {@code -f} files are applied over. Names no Kubernetes client type, so a plain {@code run-gateway -f} never
 * loads the client.
 */
interface LiveConfig extends AutoCloseable {

    /** The namespace of objects in files that set none. */
    String namespace();

    /** The objects now, and the upstreams their endpoints give. */
    LiveObjects objects();

    /** Whether an error found in the config refuses it: as {@code validate --from-cluster} would report it. */
    boolean counts(Diagnostic diagnostic);

    /** Calls {@code listener} once the live objects have changed. */
    void onChange(Runnable listener);

    @Override
    void close();
}
