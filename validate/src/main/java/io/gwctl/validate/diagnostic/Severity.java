package io.gwctl.validate.diagnostic;

import java.util.Locale;

/** How bad a finding is. Only errors make {@code gwctl validate} exit 1. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** {@code error}, {@code warning} or {@code info}, as printed. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
