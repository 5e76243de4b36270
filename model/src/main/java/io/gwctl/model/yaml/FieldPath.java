package io.gwctl.model.yaml;

/**
 * Builds the field paths that name a place in a document: {@code spec.servers[0].port.number}.
 *
 * <p>Keys that are not plain identifiers (label keys such as {@code app.kubernetes.io/name}) are written
 * in brackets and quotes, {@code metadata.labels["app.kubernetes.io/name"]}, so a path always reads back
 * unambiguously.
 */
public final class FieldPath {

    private FieldPath() {
    }

    /** The path of field {@code key} of the object at {@code parent} (the root is the empty path). */
    public static String field(String parent, String key) {
        if (isPlain(key)) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    /** {@code [A-Za-z_$][A-Za-z0-9_$-]*}, by hand: this runs for every key of every document. */
    private static boolean isPlain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
            boolean more = (c >= '0' && c <= '9') || c == '-';
            if (!letter && (i == 0 || !more)) {
                return false;
            }
        }
        return true;
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    public static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * The path one level up: {@code spec.servers[0].port} for {@code spec.servers[0].port.number}, the
     * empty path for a top-level field.
     */
    public static String parent(String path) {
        if (path.isEmpty()) {
            return path;
        }
        int end = path.length();
        if (path.charAt(end - 1) == ']') {
            int open = path.charAt(end - 2) == '"' ? path.lastIndexOf("[\"") : path.lastIndexOf('[');
            return path.substring(0, Math.max(open, 0));
        }
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf(']');
        if (dot < 0 || bracket > dot) {
            return bracket > 0 ? path.substring(0, bracket + 1) : "";
        }
        return path.substring(0, dot);
    }
}
