package io.gwctl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.source.SourceCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * "Rules never throw for a user's mistake", checked: every Istio object of the shared corpus is mutated
 * field by field (each value replaced in turn by null, a string, a number, a list and a map) and every
 * variant is validated in full. No check may fail ({@link SourceCodes#CHECK_FAILED}) and the validator
 * may not throw.
 */
class MutationRobustnessTest {

    private static final List<Object> REPLACEMENTS = Arrays.asList(null, "x", 0L, -1L, List.of(), Map.of(), List.of("x"), Map.of("x", "y"));
    private static final int MAX_VARIANTS = 6000;

    @Test
    void noCheckFailsOnMalformedObjects() throws IOException {
        Path corpus = Corpus.dir("istio-analyzers");
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(f))) {
                    if (doc instanceof Map<?, ?> m && String.valueOf(m.get("apiVersion")).startsWith("networking.istio.io")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> object = (Map<String, Object>) m;
                        objects.add(object);
                    }
                }
            }
        }
        assertThat(objects).hasSizeGreaterThan(50);
        Dump dump = new Dump(DumpSettings.builder().build());
        List<ConfigSource> variants = new ArrayList<>();
        int counter = 0;
        for (Map<String, Object> object : objects) {
            for (List<Object> path : paths(object, new ArrayList<>())) {
                Object replacement = REPLACEMENTS.get(counter++ % REPLACEMENTS.size());
                variants.add(new InMemorySource("variant-" + variants.size() + ".yaml",
                        dump.dumpToString(replace(object, path, 0, replacement))));
                if (variants.size() >= MAX_VARIANTS) {
                    break;
                }
            }
        }
        // Validate in batches: analysis sees many objects together, as in a real directory.
        for (int i = 0; i < variants.size(); i += 200) {
            ValidationReport report = Validation.of(variants.subList(i, Math.min(variants.size(), i + 200)));
            assertThat(report.diagnostics()).as("checks that failed").noneMatch(d -> d.code() == SourceCodes.CHECK_FAILED);
        }
    }

    /** Every path to a value in {@code tree}, as keys and indexes. */
    private static List<List<Object>> paths(Object tree, List<Object> prefix) {
        List<List<Object>> out = new ArrayList<>();
        if (tree instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                List<Object> p = new ArrayList<>(prefix);
                p.add(k);
                if (!prefix.isEmpty() || k.equals("spec")) {
                    out.add(p);
                }
                out.addAll(paths(v, p));
            });
        } else if (tree instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                List<Object> p = new ArrayList<>(prefix);
                p.add(i);
                out.add(p);
                out.addAll(paths(l.get(i), p));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object replace(Object tree, List<Object> path, int depth, Object value) {
        if (depth == path.size()) {
            return value;
        }
        Object key = path.get(depth);
        if (tree instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) m);
            copy.put(key, replace(m.get(key), path, depth + 1, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) tree);
        copy.set((Integer) key, replace(copy.get((Integer) key), path, depth + 1, value));
        return copy;
    }
}
