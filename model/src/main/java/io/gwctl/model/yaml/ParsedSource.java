package io.gwctl.model.yaml;

import java.util.List;

/**
 * What a source held: the documents that parsed whole, and the problems met on the way.
 *
 * <p>A syntax error ends the source at that point (YAML cannot resynchronise), but the documents before
 * it are kept.
 */
public record ParsedSource(String name, List<ParsedDocument> documents, List<ParseProblem> problems) {

    public ParsedSource {
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }
}
