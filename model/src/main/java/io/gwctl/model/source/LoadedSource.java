package io.gwctl.model.source;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.yaml.ParseProblem;
import java.util.List;

/** What one source held: its resources, in source order, and what was wrong with it. */
public record LoadedSource(String name, List<Resource> resources, List<ParseProblem> problems) {

    public LoadedSource {
        resources = List.copyOf(resources);
        problems = List.copyOf(problems);
    }
}
