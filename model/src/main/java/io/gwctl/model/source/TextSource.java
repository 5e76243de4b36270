package io.gwctl.model.source;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.model.yaml.ParsedDocument;
import io.gwctl.model.yaml.ParsedSource;
import io.gwctl.model.yaml.Position;
import io.gwctl.model.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A source of YAML or JSON text; files and standard input differ only in how the bytes are had. */
abstract class TextSource implements ConfigSource {

    private static final YamlReader YAML = new YamlReader();

    /** Opens the bytes; the stream is read to at most {@link YamlReader#MAX_FILE_BYTES} + 1. */
    abstract InputStream open() throws IOException;

    /** The size when it is known before reading, else -1. */
    abstract long knownSize();

    @Override
    public LoadedSource load(ResourceReader reader) {
        if (knownSize() > YamlReader.MAX_FILE_BYTES) {
            return new LoadedSource(name(), List.of(), List.of(YamlReader.tooLarge(knownSize())));
        }
        byte[] bytes;
        try (InputStream in = open()) {
            bytes = in.readNBytes(YamlReader.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return new LoadedSource(name(), List.of(), List.of(new ParseProblem(ParseProblem.Kind.UNREADABLE,
                    Position.START, "", "cannot read: " + e.getMessage())));
        }
        ParsedSource parsed = YAML.read(name(), bytes);
        List<ParseProblem> problems = new ArrayList<>(parsed.problems());
        List<Resource> resources = new ArrayList<>();
        for (ParsedDocument document : parsed.documents()) {
            resources.addAll(reader.read(name(), document, problems));
        }
        return new LoadedSource(name(), resources, problems);
    }
}
