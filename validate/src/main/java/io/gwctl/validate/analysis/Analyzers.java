package io.gwctl.validate.analysis;

import java.util.List;

/** Every cross-resource analyzer, in the order they run. */
public final class Analyzers {

    private Analyzers() {
    }

    public static List<Analyzer> all() {
        return List.of();
    }
}
