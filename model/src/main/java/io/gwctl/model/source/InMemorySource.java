package io.gwctl.model.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Text held in memory under a name: for content that arrives by other means than a file. */
public final class InMemorySource extends TextSource {

    private final String name;
    private final byte[] bytes;

    public InMemorySource(String name, byte[] bytes) {
        this.name = Objects.requireNonNull(name, "name");
        this.bytes = bytes.clone();
    }

    public InMemorySource(String name, String text) {
        this(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    InputStream open() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    long knownSize() {
        return bytes.length;
    }
}
