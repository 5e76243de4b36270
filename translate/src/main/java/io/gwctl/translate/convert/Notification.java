package io.gwctl.translate.convert;

import java.util.Objects;

/**
 * Something a conversion dropped or approximated, said to the user on stderr: conversion is honest about
 * what it cannot carry over.
 *
 * @param level   WARN for a change of behaviour or a dropped field, INFO for a faithful approximation
 * @param source  the source file of the object, as the user named it
 * @param line    1-based line of {@code field} in that file, or 0 for an object read from a cluster
 * @param object  the source object, {@code Kind namespace/name}
 * @param field   the field path in the source object ({@code spec.rules[0].http.paths[1].pathType})
 * @param message what was done
 */
public record Notification(Level level, String source, int line, String object, String field, String message) {

    public Notification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code ingress.yaml:12}, or the bare source of an object read from a cluster. */
    public String place() {
        return line > 0 ? source + ":" + line : source;
    }

    public enum Level {
        WARN,
        INFO
    }

    /**
     * {@code WARN ingress.yaml:12: Ingress default/web spec.defaultBackend: converted to a catch-all route}; an
     * object of a cluster has no line: {@code WARN cluster:Ingress/default/web: Ingress default/web ...}.
     */
    @Override
    public String toString() {
        return level + " " + place() + ": " + object + (field.isEmpty() ? "" : " " + field) + ": " + message;
    }
}
