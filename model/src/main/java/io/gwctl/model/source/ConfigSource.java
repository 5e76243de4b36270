package io.gwctl.model.source;

import io.gwctl.model.resource.ResourceReader;

/**
 * Somewhere resources come from: a file, standard input, and later a live cluster.
 *
 * <p>Each source loads independently; what is wrong with one never stops the others.
 */
public interface ConfigSource {

    /** The name findings use for this source: the path as given, or {@code <stdin>}. */
    String name();

    /** Reads the source into resources and the problems met while reading it. */
    LoadedSource load(ResourceReader reader);
}
