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

    /** An object read from a live cluster: named by {@code source}, with no lines to point at. */
    public static Origin unpositioned(String source) {
        return new Origin(source, 0, PositionIndex.empty(Position.NONE));
    }

    /** {@code gw.yaml:12} for an object of a file, the bare source for one of a cluster. */
    public String describe() {
        Position start = positions.start();
        return start.known() ? source + ":" + at("").line() : source;
    }

    /** The position of a field path such as {@code spec.servers[0].port.number}. */
    public Position at(String path) {
        return positions.at(path);
    }
}
