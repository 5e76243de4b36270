package io.gwctl.validate.source;

import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW00xx: problems with a source's text, found before any resource is read from it. */
public enum SourceCodes implements DiagnosticCode {
    SYNTAX(CodeInfo.error("GW0001", "IST0106", "The YAML or JSON does not parse; the rest of the file is not read.")),
    DUPLICATE_KEY(CodeInfo.error("GW0002", "IST0106", "A mapping repeats a key; Kubernetes rejects such objects.")),
    COMPLEX_KEY(CodeInfo.error("GW0003", null, "A mapping key is a list or mapping rather than a string.")),
    TOO_MANY_ALIASES(CodeInfo.error("GW0004", null, "YAML aliases expand past the limit (an alias bomb); the document is skipped.")),
    TOO_DEEP(CodeInfo.error("GW0005", null, "Nesting is deeper than the limit; the document is skipped.")),
    TOO_LARGE(CodeInfo.error("GW0006", null, "The file is larger than gwctl reads; it is skipped.")),
    BINARY(CodeInfo.error("GW0007", null, "The file holds NUL bytes: it is not YAML or JSON.")),
    ENCODING(CodeInfo.error("GW0008", null, "The file is not valid UTF-8.")),
    EMPTY(CodeInfo.warning("GW0009", null, "The file holds no documents.")),
    NOT_AN_OBJECT(CodeInfo.error("GW0010", null, "A document is a scalar or a list, not a Kubernetes object.")),
    NOT_A_RESOURCE(CodeInfo.error("GW0011", null, "An object has no apiVersion or kind.")),
    UNREADABLE(CodeInfo.error("GW0012", null, "The file could not be read.")),
    UNKNOWN_KIND(CodeInfo.warning("GW0013", null,
            "An apiVersion/kind gwctl does not know in an API group it checks (a typo such as `Gatway`), so nothing in it is checked.")),
    DUPLICATE_RESOURCE(CodeInfo.warning("GW0014", null,
            "Two objects with the same kind, namespace and name: the later one replaces the earlier, as `kubectl apply` would.")),
    CHECK_FAILED(CodeInfo.error("GW0015", null,
            "A check failed on an object it could not handle: a gwctl bug, reported so the other checks still run."));

    private final CodeInfo info;

    SourceCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }

    /** The code for a problem found while reading a source. */
    public static SourceCodes of(ParseProblem.Kind kind) {
        return switch (kind) {
            case SYNTAX -> SYNTAX;
            case DUPLICATE_KEY -> DUPLICATE_KEY;
            case COMPLEX_KEY -> COMPLEX_KEY;
            case TOO_MANY_ALIASES -> TOO_MANY_ALIASES;
            case TOO_DEEP -> TOO_DEEP;
            case TOO_LARGE -> TOO_LARGE;
            case BINARY -> BINARY;
            case ENCODING -> ENCODING;
            case EMPTY -> EMPTY;
            case NOT_AN_OBJECT -> NOT_AN_OBJECT;
            case NOT_A_RESOURCE -> NOT_A_RESOURCE;
            case UNREADABLE -> UNREADABLE;
        };
    }
}
