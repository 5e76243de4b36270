package io.gwctl.model.yaml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns the bytes of one source into documents of plain Java values, with the position of every node.
 *
 * <p>It drives snakeyaml-engine's event parser itself instead of its composer because the composer
 * recurses per nesting level (a 10,000-deep document overflows the stack) and keeps no path → position
 * map. Building the tree from events gives the limits that hostile input needs in one place: file size,
 * NUL bytes, strict UTF-8, nesting depth, and the expanded size of aliases (an alias bomb is a few
 * hundred bytes that expand to billions of nodes). A broken document becomes one {@link ParseProblem}
 * and reading goes on with the next.
 */
public final class YamlReader {

    /** Larger files are refused before they are read: no Kubernetes object comes near this. */
    public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;
    /** Deeper nesting is refused; real Istio objects stay below 20 levels. */
    public static final int MAX_DEPTH = 100;
    /** How many nodes aliases may add to one document once expanded. */
    public static final int MAX_ALIAS_EXPANSION = 100_000;

    private static final ScalarResolver RESOLVER = new CoreScalarResolver(false);
    private static final String MERGE_KEY = "<<";

    private final LoadSettings settings = LoadSettings.builder()
            .setUseMarks(true)
            .setAllowDuplicateKeys(true) // reported by us, with both positions
            .setCodePointLimit(MAX_FILE_BYTES)
            .setMaxAliasesForCollections(Integer.MAX_VALUE) // bounded below by expanded size instead
            .build();

    /**
     * Reads one source.
     *
     * @param name  how the source is named in findings (a path, or {@code <stdin>})
     * @param bytes its content, at most {@link #MAX_FILE_BYTES} long
     */
    public ParsedSource read(String name, byte[] bytes) {
        List<ParseProblem> problems = new ArrayList<>();
        List<ParsedDocument> documents = new ArrayList<>();
        if (bytes.length > MAX_FILE_BYTES) {
            problems.add(tooLarge(bytes.length));
            return new ParsedSource(name, documents, problems);
        }
        int nul = indexOfNul(bytes);
        if (nul >= 0) {
            problems.add(new ParseProblem(ParseProblem.Kind.BINARY, Position.START, "",
                    "binary file, not YAML or JSON (NUL byte at offset " + nul + ")"));
            return new ParsedSource(name, documents, problems);
        }
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (MalformedInputException e) {
            int offset = firstMalformedOffset(bytes);
            problems.add(new ParseProblem(ParseProblem.Kind.ENCODING, positionOfByte(bytes, offset), "",
                    "invalid UTF-8 at byte offset " + offset + ": YAML and JSON sources must be UTF-8"));
            return new ParsedSource(name, documents, problems);
        } catch (CharacterCodingException e) {
            problems.add(new ParseProblem(ParseProblem.Kind.ENCODING, Position.START, "",
                    "the file is not valid UTF-8: " + e.getMessage()));
            return new ParsedSource(name, documents, problems);
        }
        new DocumentBuilder(text, documents, problems).run();
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add(new ParseProblem(ParseProblem.Kind.EMPTY, Position.START, "",
                    "no YAML or JSON documents in the file"));
        }
        return new ParsedSource(name, documents, problems);
    }

    /** The problem for a source over {@link #MAX_FILE_BYTES}; also used before reading a large file. */
    public static ParseProblem tooLarge(long size) {
        return new ParseProblem(ParseProblem.Kind.TOO_LARGE, Position.START, "",
                String.format("file is %.1f MiB, over the %d MiB that gwctl reads", size / 1048576.0,
                        MAX_FILE_BYTES / (1024 * 1024)));
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int firstMalformedOffset(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static Position positionOfByte(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++; // count characters, not continuation bytes
            }
        }
        return new Position(line, column);
    }

    private static Position position(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(Position.START);
    }

    /** One pass over the events of a whole source. */
    private final class DocumentBuilder {
        private final String text;
        private final List<ParsedDocument> documents;
        private final List<ParseProblem> problems;

        private final Deque<Frame> stack = new ArrayDeque<>();
        private Map<String, Position> positions;
        private Map<String, Node> anchors;
        private Object root;
        private boolean rootSet;
        private boolean skipping;
        private Position documentStart;
        private int documentIndex;
        private long expanded;

        DocumentBuilder(String text, List<ParsedDocument> documents, List<ParseProblem> problems) {
            this.text = text;
            this.documents = documents;
            this.problems = problems;
        }

        void run() {
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
            try {
                while (parser.hasNext()) {
                    handle(parser.next());
                }
            } catch (MarkedYamlEngineException e) {
                Position at = position(e.getProblemMark());
                problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, at, "",
                        "YAML syntax error: " + oneLine(e.getProblem()) + contextSuffix(e)));
            } catch (YamlEngineException e) {
                problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, Position.START, "",
                        "YAML syntax error: " + oneLine(e.getMessage())));
            }
        }

        private String contextSuffix(MarkedYamlEngineException e) {
            String context = e.getContext();
            return context == null || context.isBlank() ? "" : " (" + oneLine(context) + ")";
        }

        private void handle(Event event) {
            switch (event.getEventId()) {
                case DocumentStart -> startDocument(event);
                case DocumentEnd -> endDocument();
                case MappingStart -> startCollection(event, true);
                case SequenceStart -> startCollection(event, false);
                case MappingEnd, SequenceEnd -> endCollection();
                case Scalar -> scalar((ScalarEvent) event);
                case Alias -> alias((AliasEvent) event);
                default -> {
                    // StreamStart, StreamEnd and comments carry nothing for the tree.
                }
            }
        }

        private void startDocument(Event event) {
            stack.clear();
            positions = new HashMap<>();
            anchors = new HashMap<>();
            root = null;
            rootSet = false;
            skipping = false;
            expanded = 0;
            documentStart = position(event.getStartMark());
        }

        private void endDocument() {
            if (!skipping && rootSet && root != null) {
                documents.add(new ParsedDocument(documentIndex, root, new PositionIndex(positions, documentStart)));
            }
            documentIndex++;
        }

        private void startCollection(Event event, boolean mapping) {
            if (skipping) {
                return;
            }
            Position at = position(event.getStartMark());
            if (stack.size() >= MAX_DEPTH) {
                fail(ParseProblem.Kind.TOO_DEEP, at, "nesting deeper than " + MAX_DEPTH
                        + " levels; Kubernetes objects are never this deep");
                return;
            }
            Frame parent = stack.peek();
            if (parent != null && parent.mapping && parent.key == null) {
                fail(ParseProblem.Kind.COMPLEX_KEY, at, "a mapping key must be a string, not a "
                        + (mapping ? "mapping" : "list"));
                return;
            }
            String path = parent == null ? "" : parent.childPath();
            Frame frame = new Frame(mapping, path, at, anchorOf(event));
            if (parent != null) {
                record(parent, at);
            }
            stack.push(frame);
        }

        private void endCollection() {
            if (skipping) {
                return;
            }
            Frame done = stack.pop();
            Node node = new Node(done.value(), done.size);
            done.anchor.ifPresent(a -> anchors.put(a.getValue(), node));
            attach(node.value(), node.size(), done.start);
        }

        private void scalar(ScalarEvent event) {
            if (skipping) {
                return;
            }
            Position at = position(event.getStartMark());
            Object value = resolve(event);
            Frame parent = stack.peek();
            event.getAnchor().ifPresent(a -> anchors.put(a.getValue(), new Node(value, 1)));
            if (parent != null && parent.mapping && parent.key == null) {
                key(parent, value == null ? "null" : String.valueOf(value), at);
                return;
            }
            if (parent != null) {
                record(parent, at);
            }
            attach(value, 1, at);
        }

        private void alias(AliasEvent event) {
            if (skipping) {
                return;
            }
            Position at = position(event.getStartMark());
            Node target = anchors.get(event.getAlias().getValue());
            if (target == null) {
                fail(ParseProblem.Kind.SYNTAX, at, "YAML syntax error: unknown alias *" + event.getAlias().getValue());
                return;
            }
            expanded += target.size();
            if (expanded > MAX_ALIAS_EXPANSION) {
                fail(ParseProblem.Kind.TOO_MANY_ALIASES, at, "aliases expand to more than "
                        + MAX_ALIAS_EXPANSION + " nodes; the document looks like an alias bomb");
                return;
            }
            Frame parent = stack.peek();
            if (parent != null && parent.mapping && parent.key == null) {
                if (target.value() instanceof Map || target.value() instanceof List) {
                    fail(ParseProblem.Kind.COMPLEX_KEY, at, "a mapping key must be a string");
                    return;
                }
                key(parent, String.valueOf(target.value()), at);
                return;
            }
            if (parent != null) {
                record(parent, at);
            }
            attach(target.value(), target.size(), at);
        }

        private void key(Frame map, String key, Position at) {
            Position first = map.keyPositions.get(key);
            if (first != null && !MERGE_KEY.equals(key)) {
                problems.add(new ParseProblem(ParseProblem.Kind.DUPLICATE_KEY, at, FieldPath.field(map.path, key),
                        "duplicate key \"" + key + "\" (first at line " + first.line() + ")"));
            } else {
                map.keyPositions.put(key, at);
            }
            map.key = key;
            map.keyAt = at;
        }

        /** Records the position of the node about to be attached to {@code parent}. */
        private void record(Frame parent, Position at) {
            String path = parent.childPath();
            if (parent.mapping) {
                if (!MERGE_KEY.equals(parent.key)) {
                    positions.putIfAbsent(path, parent.keyAt);
                }
            } else {
                positions.put(path, at);
            }
        }

        private void attach(Object value, long size, Position at) {
            Frame parent = stack.peek();
            if (parent == null) {
                root = value;
                rootSet = true;
                return;
            }
            parent.size += size;
            if (!parent.mapping) {
                parent.list.add(value);
                return;
            }
            String key = parent.key;
            parent.key = null;
            if (MERGE_KEY.equals(key)) {
                merge(parent, value, at);
                return;
            }
            if (!parent.map.containsKey(key) || parent.merged.remove(key)) {
                parent.map.put(key, value); // an explicit key wins over one a merge brought in
            }
        }

        /** YAML 1.1 merge keys, which Kubernetes' YAML library honours: explicit keys win. */
        @SuppressWarnings("unchecked")
        private void merge(Frame map, Object value, Position at) {
            List<Object> sources = value instanceof List<?> l ? (List<Object>) l : List.of(value == null ? Map.of() : value);
            for (Object source : sources) {
                if (!(source instanceof Map<?, ?> m)) {
                    problems.add(new ParseProblem(ParseProblem.Kind.SYNTAX, at, map.path,
                            "YAML merge key \"<<\" needs a mapping or a list of mappings"));
                    continue;
                }
                ((Map<String, Object>) m).forEach((k, v) -> {
                    if (!map.map.containsKey(k)) {
                        map.map.put(k, v);
                        map.merged.add(k);
                        positions.putIfAbsent(FieldPath.field(map.path, k), at);
                    }
                });
            }
        }

        private void fail(ParseProblem.Kind kind, Position at, String message) {
            String path = stack.isEmpty() ? "" : stack.peek().childPath();
            problems.add(new ParseProblem(kind, at, path, message));
            skipping = true;
            stack.clear();
        }

        private Optional<Anchor> anchorOf(Event event) {
            return event instanceof NodeEvent n ? n.getAnchor() : Optional.empty();
        }
    }

    private static Object resolve(ScalarEvent event) {
        String value = event.getValue();
        boolean plain = event.getScalarStyle() == ScalarStyle.PLAIN;
        Optional<String> explicit = event.getTag().filter(t -> !"!".equals(t));
        Tag tag = explicit.map(Tag::new).orElseGet(() -> RESOLVER.resolve(value, plain && event.getImplicit().canOmitTagInPlainScalar()));
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.valueOf(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (Tag.INT.equals(tag)) {
            Object number = parseInt(value);
            return number == null ? value : number;
        }
        if (Tag.FLOAT.equals(tag)) {
            return parseFloat(value);
        }
        return value;
    }

    private static Object parseInt(String value) {
        String v = value.replace("_", "");
        int sign = 1;
        if (v.startsWith("-") || v.startsWith("+")) {
            sign = v.startsWith("-") ? -1 : 1;
            v = v.substring(1);
        }
        try {
            if (v.startsWith("0x")) {
                return sign * Long.parseLong(v.substring(2), 16);
            }
            if (v.startsWith("0o")) {
                return sign * Long.parseLong(v.substring(2), 8);
            }
            return sign * Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(value); // beyond long: keep the magnitude for range checks
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
    }

    private static Object parseFloat(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return switch (v) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    yield value;
                }
            }
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** A finished node and how many nodes it stands for once aliases are expanded. */
    private record Node(Object value, long size) {
    }

    /** A mapping or list being built. */
    private static final class Frame {
        final boolean mapping;
        final String path;
        final Position start;
        final Optional<Anchor> anchor;
        final Map<String, Object> map;
        final List<Object> list;
        final Map<String, Position> keyPositions;
        final java.util.Set<String> merged = new java.util.HashSet<>();
        String key;
        Position keyAt;
        long size = 1;

        Frame(boolean mapping, String path, Position start, Optional<Anchor> anchor) {
            this.mapping = mapping;
            this.path = path;
            this.start = start;
            this.anchor = anchor;
            this.map = mapping ? new LinkedHashMap<>() : null;
            this.list = mapping ? null : new ArrayList<>();
            this.keyPositions = mapping ? new HashMap<>() : null;
        }

        String childPath() {
            return mapping ? FieldPath.field(path, key == null ? "" : key) : FieldPath.item(path, list.size());
        }

        Object value() {
            return mapping ? map : list;
        }
    }
}
