package io.gwctl.model.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.yaml.ParseProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    private static final String GATEWAY = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: gw
            spec:
              servers: []
            """;

    @TempDir
    Path dir;

    @Test
    void directoriesAreWalkedForYamlAndJsonOnly() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.yaml"), GATEWAY);
        Files.writeString(dir.resolve("sub/a.yml"), GATEWAY);
        Files.writeString(dir.resolve("c.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "not config");
        SourcePaths.Expansion e = SourcePaths.expand(List.of(dir.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(e.sources()).extracting(ConfigSource::name)
                .containsExactly(dir + "/b.yaml", dir + "/c.json", dir + "/sub/a.yml");
        assertThat(e.missing()).isEmpty();
    }

    @Test
    void missingPathsAreReportedNotThrown() {
        SourcePaths.Expansion e = SourcePaths.expand(List.of("no/such/file.yaml"), new ByteArrayInputStream(new byte[0]));
        assertThat(e.missing()).containsExactly("no/such/file.yaml");
    }

    @Test
    void stdinIsASource() {
        var in = new ByteArrayInputStream(GATEWAY.getBytes(StandardCharsets.UTF_8));
        SourcePaths.Expansion e = SourcePaths.expand(List.of("-"), in);
        LoadedSource loaded = e.sources().get(0).load(new ResourceReader("default"));
        assertThat(loaded.name()).isEqualTo("<stdin>");
        assertThat(loaded.resources()).singleElement().satisfies(r -> assertThat(r.is(ResourceType.GATEWAY)).isTrue());
    }

    @Test
    void hundredMegabyteFileIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L * 1024 * 1024); // sparse: costs no disk
        }
        LoadedSource loaded = new FileSource(big, "big.yaml").load(new ResourceReader("default"));
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ParseProblem.Kind.TOO_LARGE);
            assertThat(p.message()).isEqualTo("file is 100.0 MiB, over the 32 MiB that gwctl reads");
        });
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() throws IOException {
        Files.write(dir.resolve("a.yaml"), new byte[] {0, 1, 2});
        Files.writeString(dir.resolve("b.yaml"), GATEWAY);
        SourcePaths.Expansion e = SourcePaths.expand(List.of(dir.toString()), new ByteArrayInputStream(new byte[0]));
        ConfigSet set = ConfigSet.load(e.sources(), new ResourceReader("default"));
        assertThat(set.sources().get(0).problems()).hasSize(1);
        assertThat(set.resources()).extracting(Resource::name).containsExactly("gw");
    }
}
