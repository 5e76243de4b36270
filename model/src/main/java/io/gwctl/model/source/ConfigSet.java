package io.gwctl.model.source;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import java.util.ArrayList;
import java.util.List;

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
        if (sources.size() < 2) {
            return new ConfigSet(sources.stream().map(s -> s.load(reader)).toList());
        }
        return new ConfigSet(sources.parallelStream().map(s -> s.load(reader)).toList());
    }

    /** All resources, in source order. */
    public List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        sources.forEach(s -> all.addAll(s.resources()));
        return all;
    }
}
