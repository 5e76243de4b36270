package io.gwctl.cli.cluster;

import io.gwctl.model.source.LoadedSource;
import io.gwctl.proxy.runtime.UpstreamOverride;
import java.util.List;
import java.util.Objects;

/**
 * What a watched cluster holds at one moment: its objects as a source, and the upstreams its EndpointSlices give.
 *
 * @param objects   the objects, named as {@link ClusterSource} names them
 * @param upstreams the ready endpoints of the Services' ports; empty when EndpointSlices cannot be listed
 */
public record LiveObjects(LoadedSource objects, List<UpstreamOverride> upstreams) {

    public LiveObjects {
        Objects.requireNonNull(objects, "objects");
        upstreams = List.copyOf(upstreams);
    }
}
