package io.gwctl.model.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A YAML or JSON file, named in findings by the path as the user gave it. */
public final class FileSource extends TextSource {

    private final Path path;
    private final String name;

    public FileSource(Path path, String name) {
        this.path = Objects.requireNonNull(path, "path");
        this.name = Objects.requireNonNull(name, "name");
    }

    public Path path() {
        return path;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    long knownSize() {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }
}
