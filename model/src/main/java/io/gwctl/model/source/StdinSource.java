package io.gwctl.model.source;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.util.Objects;

/** Standard input, given as {@code -f -}. */
public final class StdinSource extends TextSource {

    public static final String NAME = "<stdin>";

    private final InputStream in;

    public StdinSource(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    InputStream open() {
        // Closing what we read must not close the process's standard input.
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }

    @Override
    long knownSize() {
        return -1;
    }
}
