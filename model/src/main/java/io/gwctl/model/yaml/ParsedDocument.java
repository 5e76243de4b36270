package io.gwctl.model.yaml;

import java.util.Objects;

/**
 * One document of a source, as plain Java values with their positions.
 *
 * @param index     the 0-based index of the document in its source
 * @param root      a {@code Map<String, Object>}, {@code List<Object>}, String, Long, Double, Boolean or null
 * @param positions where each node of the document is
 */
public record ParsedDocument(int index, Object root, PositionIndex positions) {

    public ParsedDocument {
        Objects.requireNonNull(positions, "positions");
    }
}
