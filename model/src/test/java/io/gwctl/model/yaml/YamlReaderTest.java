package io.gwctl.model.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    private ParsedSource read(String text) {
        return reader.read("t.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFieldHasItsKeyPosition() {
        ParsedSource parsed = read("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                spec:
                  servers:
                  - port:
                      number: 80
                    hosts:
                    - "a.example.com"
                """);
        PositionIndex p = parsed.documents().get(0).positions();
        assertThat(p.at("spec.servers[0].port.number")).isEqualTo(new Position(6, 7));
        assertThat(p.at("spec.servers[0]")).isEqualTo(new Position(5, 5));
        assertThat(p.at("spec.servers[0].hosts[0]")).isEqualTo(new Position(8, 7));
        assertThat(p.at("spec.servers[0].port.name"))
                .as("a missing field points at its nearest present ancestor")
                .isEqualTo(new Position(5, 5));
    }

    @Test
    void scalarsGetKubernetesTypes() {
        ParsedSource parsed = read("""
                i: 80
                s: "80"
                b: true
                f: 1.5
                n: null
                h: 0x10
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) parsed.documents().get(0).root();
        assertThat(root).containsEntry("i", 80L).containsEntry("s", "80").containsEntry("b", true)
                .containsEntry("f", 1.5).containsEntry("h", 16L).containsEntry("n", null);
    }

    @Test
    void labelKeysWithDotsAreQuotedInPaths() {
        ParsedSource parsed = read("""
                metadata:
                  labels:
                    app.kubernetes.io/name: x
                """);
        assertThat(parsed.documents().get(0).positions().has("metadata.labels[\"app.kubernetes.io/name\"]")).isTrue();
    }

    @Test
    void duplicateKeyIsOneProblemAndTheDocumentIsKept() {
        ParsedSource parsed = read("a: 1\nb: 2\na: 3\n");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ParseProblem.Kind.DUPLICATE_KEY);
            assertThat(p.position()).isEqualTo(new Position(3, 1));
            assertThat(p.message()).isEqualTo("duplicate key \"a\" (first at line 1)");
        });
        assertThat(parsed.documents()).hasSize(1);
    }

    @Test
    void aliasesAndMergeKeysExpand() {
        ParsedSource parsed = read("""
                base: &base {x: 1, y: 2}
                derived:
                  <<: *base
                  y: 3
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> derived = (Map<String, Object>) ((Map<String, Object>) parsed.documents().get(0).root()).get("derived");
        assertThat(derived).containsEntry("x", 1L).containsEntry("y", 3L);
    }

    @Test
    void aliasBombIsRefusedWithoutExpandingIt() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            bomb.append("]\n");
            prev = c;
        }
        ParsedSource parsed = read(bomb + "---\nkind: after\n");
        assertThat(parsed.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ParseProblem.Kind.TOO_MANY_ALIASES));
        assertThat(parsed.documents()).as("the next document is still read").singleElement()
                .satisfies(d -> assertThat(d.root()).isEqualTo(Map.of("kind", "after")));
    }

    @Test
    void tenThousandDeepNestingIsOneProblemNotAStackOverflow() {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n---\nkind: after\n";
        ParsedSource parsed = read(deep);
        assertThat(parsed.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ParseProblem.Kind.TOO_DEEP));
        assertThat(parsed.documents()).hasSize(1);
    }

    @Test
    void binaryFileIsOneProblem() {
        ParsedSource parsed = reader.read("b.bin", new byte[] {'a', ':', 0, 1, 2});
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ParseProblem.Kind.BINARY);
            assertThat(p.message()).contains("offset 2");
        });
    }

    @Test
    void invalidUtf8IsOneProblemAtItsPlace() {
        byte[] bytes = "kind: Gateway\nname: caf\u00e9 \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        ParsedSource parsed = reader.read("l1.yaml", bytes);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ParseProblem.Kind.ENCODING);
            assertThat(p.position()).isEqualTo(new Position(2, 10));
        });
    }

    @Test
    void emptyFileIsOneProblem() {
        assertThat(read("").problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ParseProblem.Kind.EMPTY));
        assertThat(read("# only a comment\n---\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ParseProblem.Kind.EMPTY));
    }

    @Test
    void syntaxErrorKeepsTheDocumentsBeforeIt() {
        ParsedSource parsed = read("kind: first\n---\nkind: [\n");
        assertThat(parsed.documents()).hasSize(1);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ParseProblem.Kind.SYNTAX);
            assertThat(p.message()).startsWith("YAML syntax error: ");
            assertThat(p.position().line()).isEqualTo(4);
        });
    }

    @Test
    void jsonIsReadWithPositions() {
        ParsedSource parsed = read("{\n  \"kind\": \"Gateway\",\n  \"spec\": {\"servers\": [{\"port\": {\"number\": 80}}]}\n}\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.documents().get(0).positions().at("spec.servers[0].port.number").line()).isEqualTo(3);
    }

    @Test
    void bareScalarDocumentIsParsedForTheResourceReaderToRefuse() {
        ParsedSource parsed = read("just text\n");
        assertThat(parsed.documents()).singleElement().satisfies(d -> assertThat(d.root()).isEqualTo("just text"));
        assertThat(parsed.problems()).isEmpty();
    }
}
