package io.gwctl.model.source;

/** Told as each source of a {@link ConfigSet#load} is read: what lets a command show progress over many files. */
@FunctionalInterface
public interface LoadListener {

    /** Tells nobody. */
    LoadListener NONE = (done, total) -> { };

    /**
     * Called once per source, from the threads that read them: {@code done} sources of {@code total} are read.
     * Sources are read in parallel, so calls may arrive out of order (6 before 5).
     */
    void loaded(int done, int total);
}
