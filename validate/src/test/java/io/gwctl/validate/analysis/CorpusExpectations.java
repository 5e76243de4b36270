package io.gwctl.validate.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expectations of the Istio analyzer corpus ({@code istio-analyzers/EXPECTED.md}): one case per
 * table row, with its input files, the Istio analyzer it runs, its optional MeshConfig file, and the
 * expected {@code (IST code, origin)} multiset.
 *
 * <p>The expected column is prose transcribed from Istio's {@code analyzers_test.go}; it is read with
 * these conventions, and a stated total ({@code (7 messages)}, {@code (15)}) is checked against what was
 * read, so a row this reader misunderstands fails loudly instead of passing:
 * <ul>
 *   <li>{@code (none)} ends the cell: no findings;
 *   <li>{@code IST0101} sets the code for the origins after it;
 *   <li>an origin in backquotes without a kind ({@code `team4/ratings`}) takes the previous origin's
 *       kind, and {@code .../name} the previous origin's namespace;
 *   <li>{@code (x2)} repeats the previous origin;
 *   <li>{@code same 4 as above} copies the previous row's findings.
 * </ul>
 */
final class CorpusExpectations {

    private static final Pattern TOKEN = Pattern.compile(
            "\\(none\\)|IST\\d{4}|`([^`]*)`|\\(x(\\d+)\\)|\\((\\d+)(?: messages)?\\)|same (\\d+) as above");
    private static final Pattern YAML_FILE = Pattern.compile("[A-Za-z0-9_.-]+\\.yaml");
    private static final Pattern KIND_AND_NAME = Pattern.compile("([A-Z][A-Za-z]+) (\\S+)");

    private CorpusExpectations() {
    }

    /**
     * One row of a table.
     *
     * @param files      the input files, in order
     * @param analyzer   the Istio analyzer's name
     * @param meshConfig the MeshConfig file, when the row names one
     * @param expected   {@code IST0101 Gateway ns/name} entries, a multiset
     */
    record Case(List<String> files, String analyzer, Optional<String> meshConfig, List<String> expected) {

        @Override
        public String toString() {
            return String.join(" + ", files) + " [" + analyzer + "]" + meshConfig.map(m -> " with " + m).orElse("");
        }
    }

    static List<Case> read(Path expectedMd) throws IOException {
        List<Case> cases = new ArrayList<>();
        List<String> header = null;
        List<String> previous = List.of();
        for (String line : Files.readAllLines(expectedMd)) {
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches("-+"))) {
                continue;
            }
            List<String> files = matches(YAML_FILE, cells.get(column(header, "Input")));
            String analyzer = cells.get(column(header, "Analyzer")).replace("`", "").trim().split("\\s+")[0];
            int mesh = header.indexOf("meshConfigFile");
            Optional<String> meshConfig = mesh < 0 ? Optional.empty()
                    : matches(YAML_FILE, cells.get(mesh)).stream().findFirst();
            List<String> expected = expected(cells.get(column(header, "Expected")), previous);
            cases.add(new Case(files, analyzer, meshConfig, expected));
            previous = expected;
        }
        return cases;
    }

    private static List<String> expected(String cell, List<String> previous) {
        List<String> out = new ArrayList<>();
        String code = null;
        String kind = null;
        String last = null;
        Matcher m = TOKEN.matcher(cell);
        while (m.find()) {
            String token = m.group();
            if (token.equals("(none)")) {
                return List.of();
            } else if (token.startsWith("IST")) {
                code = token;
            } else if (m.group(1) != null && code != null) {
                String origin = m.group(1);
                Matcher kn = KIND_AND_NAME.matcher(origin);
                if (kn.matches()) {
                    kind = kn.group(1);
                    origin = kn.group(2);
                }
                if (origin.startsWith(".../") && last != null && last.contains("/")) {
                    origin = last.substring(0, last.indexOf('/')) + origin.substring(3);
                }
                last = origin;
                out.add(code + " " + kind + " " + origin);
            } else if (m.group(2) != null && !out.isEmpty()) {
                out.addAll(Collections.nCopies(Integer.parseInt(m.group(2)) - 1, out.get(out.size() - 1)));
            } else if (m.group(3) != null) {
                check(cell, Integer.parseInt(m.group(3)), out.size());
            } else if (m.group(4) != null) {
                check(cell, Integer.parseInt(m.group(4)), previous.size());
                out.addAll(previous);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no findings and no (none) in: " + cell);
        }
        return out;
    }

    private static void check(String cell, int stated, int read) {
        if (stated != read) {
            throw new IllegalStateException("read " + read + " findings where the row states " + stated + ": " + cell);
        }
    }

    private static int column(List<String> header, String prefix) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + prefix + " in " + header);
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The cells of a table row, splitting on {@code |} outside backquotes. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            }
            if (c == '|' && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }
}
