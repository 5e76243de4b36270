package io.gwctl.model.yaml;

import java.util.Objects;

/**
 * Something wrong with the text of a source, found before any resource could be read from it.
 *
 * @param kind     what went wrong, so that checks can give it a stable code
 * @param position where, or {@link Position#START} for the whole file
 * @param path     the field path inside the document, or empty
 * @param message  one line a user can act on
 */
public record ParseProblem(Kind kind, Position position, String path, String message) {

    public ParseProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of problem a source can have; each maps to one diagnostic code. */
    public enum Kind {
        /** The YAML or JSON does not parse. */
        SYNTAX,
        /** A mapping repeats a key. */
        DUPLICATE_KEY,
        /** A mapping key is itself a list or mapping, which Kubernetes objects never have. */
        COMPLEX_KEY,
        /** More aliases than the limit, the shape of an alias ("billion laughs") bomb. */
        TOO_MANY_ALIASES,
        /** Nesting deeper than the limit. */
        TOO_DEEP,
        /** A file or document over the size limit. */
        TOO_LARGE,
        /** A file with NUL bytes: not text at all. */
        BINARY,
        /** Bytes that are not valid UTF-8. */
        ENCODING,
        /** A file with no documents at all. */
        EMPTY,
        /** A document that is not a mapping (a bare scalar or a list). */
        NOT_AN_OBJECT,
        /** A document without the apiVersion or kind that every Kubernetes object has. */
        NOT_A_RESOURCE,
        /** The file could not be read at all. */
        UNREADABLE
    }
}
