package io.gwctl.model.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Views of the items of the list at {@code listPath} ({@code items} of a {@code kind: List}), made in one
     * pass over the document: a {@code kubectl get -o yaml} List of thousands of objects must not be walked
     * once per item.
     *
     * @param count how many items the list has
     */
    public List<PositionIndex> items(String listPath, int count) {
        List<Map<String, Position>> split = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            split.add(new HashMap<>());
        }
        String prefix = listPath + "[";
        positions.forEach((path, pos) -> {
            if (!path.startsWith(prefix)) {
                return;
            }
            int close = path.indexOf(']', prefix.length());
            if (close < 0) {
                return;
            }
            int index;
            try {
                index = Integer.parseInt(path, prefix.length(), close, 10);
            } catch (NumberFormatException e) {
                return;
            }
            if (index < 0 || index >= count) {
                return;
            }
            String rest = path.substring(close + 1);
            split.get(index).put(rest.startsWith(".") ? rest.substring(1) : rest, pos);
        });
        List<PositionIndex> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new PositionIndex(split.get(i), at(FieldPath.item(listPath, i))));
        }
        return out;
    }

    /** Where the document (or List item) starts. */
    public Position start() {
        return documentStart;
    }
}
