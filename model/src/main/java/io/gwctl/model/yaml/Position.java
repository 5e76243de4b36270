package io.gwctl.model.yaml;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) implements Comparable<Position> {

    /** Used where a problem concerns a whole file rather than a place in it. */
    public static final Position START = new Position(1, 1);

    /**
     * No place in a text: where an object read from a cluster stands. Findings about it name the object
     * ({@code cluster:Gateway/istio-system/gw}) instead of a line.
     */
    public static final Position NONE = new Position(0, 0);

    /** Whether this is a line and column in a text, rather than {@link #NONE}. */
    public boolean known() {
        return line > 0;
    }

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
