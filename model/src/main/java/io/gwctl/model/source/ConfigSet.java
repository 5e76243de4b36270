package io.gwctl.model.source;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceKey;
import io.gwctl.model.resource.ResourceReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Everything loaded from a list of sources, in order: what every command starts from.
 *
 * @param sources each source's resources and problems
 */
public record ConfigSet(List<LoadedSource> sources) {

    public ConfigSet {
        sources = List.copyOf(sources);
    }

    /**
     * Loads all {@code sources} with {@code reader}, keeping their order. Sources are independent, so a
     * directory of thousands of files is read and parsed on every core.
     */
    public static ConfigSet load(List<ConfigSource> sources, ResourceReader reader) {
        return load(sources, reader, LoadListener.NONE);
    }

    /** As {@link #load(List, ResourceReader)}, telling {@code listener} as each source is read. */
    public static ConfigSet load(List<ConfigSource> sources, ResourceReader reader, LoadListener listener) {
        Objects.requireNonNull(listener, "listener");
        int total = sources.size();
        AtomicInteger done = new AtomicInteger();
        Function<ConfigSource, LoadedSource> loadOne = s -> {
            LoadedSource loaded = s.load(reader);
            listener.loaded(done.incrementAndGet(), total);
            return loaded;
        };
        if (total < 2) {
            return new ConfigSet(sources.stream().map(loadOne).toList());
        }
        return new ConfigSet(sources.parallelStream().map(loadOne).toList());
    }

    /**
     * This config applied over {@code base}, as {@code kubectl apply} would apply it to a cluster: the objects of
     * {@code base} that this config also defines (same kind, namespace and name) are left out, so a change can be
     * checked against live objects before it is applied. {@code base} comes first.
     */
    public ConfigSet over(LoadedSource base) {
        Set<ResourceKey> defined = new HashSet<>();
        sources.forEach(s -> s.resources().forEach(r -> defined.add(r.key())));
        List<Resource> kept = base.resources().stream().filter(r -> !defined.contains(r.key())).toList();
        List<LoadedSource> all = new ArrayList<>();
        all.add(new LoadedSource(base.name(), kept, base.problems()));
        all.addAll(sources);
        return new ConfigSet(all);
    }

    /** All resources, in source order. */
    public List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.resources()));
        return all;
    }
}
