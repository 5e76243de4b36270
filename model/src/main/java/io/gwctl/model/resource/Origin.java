package io.gwctl.model.resource;

import io.gwctl.model.yaml.Position;
import io.gwctl.model.yaml.PositionIndex;
import java.util.Objects;

/**
 * Where a resource came from: its source, the document in it, and the position of each of its fields.
 *
 * @param source        the source name as the user gave it (a path, {@code <stdin>}, or a cluster)
 * @param documentIndex the 0-based document in that source
 * @param positions     positions of the resource's fields, with paths relative to the resource
 */
public record Origin(String source, int documentIndex, PositionIndex positions) {

    public Origin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(positions, "positions");
    }

    /** The position of a field path such as {@code spec.servers[0].port.number}. */
    public Position at(String path) {
        return positions.at(path);
    }
}
