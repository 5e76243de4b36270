package io.gwctl.model.yaml;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each node of one document stands in its file, by field path.
 *
 * <p>A mapping entry is recorded at its key (where an editor should put the cursor to change it), a list
 * item at its first character. A path that was never recorded, such as a required field that is
 * missing, resolves to its nearest recorded ancestor, so every finding has a place to point at.
 */
public final class PositionIndex {

    private final Map<String, Position> positions;
    private final Position documentStart;

    PositionIndex(Map<String, Position> positions, Position documentStart) {
        this.positions = positions;
        this.documentStart = Objects.requireNonNull(documentStart, "documentStart");
    }

    /** An index with no entries: every path resolves to {@code at}. */
    public static PositionIndex empty(Position at) {
        return new PositionIndex(new HashMap<>(), at);
    }

    /** The position of {@code path}, or of its nearest recorded ancestor. */
    public Position at(String path) {
        String p = path;
        while (true) {
            Position found = positions.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return documentStart;
            }
            p = FieldPath.parent(p);
        }
    }

    /** Whether {@code path} itself was recorded (the field is present in the source). */
    public boolean has(String path) {
        return positions.containsKey(path);
    }

    /** A view of the subtree at {@code prefix}: used for the items of a {@code kind: List}. */
    public PositionIndex scoped(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        Map<String, Position> scoped = new HashMap<>();
        String dotted = prefix + ".";
        String bracketed = prefix + "[";
        positions.forEach((path, pos) -> {
            if (path.startsWith(dotted)) {
                scoped.put(path.substring(dotted.length()), pos);
            } else if (path.startsWith(bracketed)) {
                scoped.put(path.substring(prefix.length()), pos);
            }
        });
        return new PositionIndex(scoped, at(prefix));
    }

    /** Where the document (or List item) starts. */
    public Position start() {
        return documentStart;
    }
}
