package io.gwctl.model.resource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.gwctl.model.yaml.FieldPath;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.model.yaml.ParsedDocument;
import io.gwctl.model.yaml.Position;
import io.gwctl.model.yaml.PositionIndex;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns parsed documents into {@link Resource}s: unwraps {@code kind: List}, fills in the default
 * namespace, and binds each object to its typed class.
 */
public final class ResourceReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Unknown fields are the schema check's to report, with positions; binding keeps going.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().addDeserializer(IntOrString.class, new IntOrStringDeserializer()))
            .build();
    private static final Map<Class<?>, Optional<Method>> SPEC_GETTERS = new ConcurrentHashMap<>();

    private final String defaultNamespace;

    /** @param defaultNamespace the namespace of objects that set none ({@code -n}, else {@code default}) */
    public ResourceReader(String defaultNamespace) {
        this.defaultNamespace = Objects.requireNonNull(defaultNamespace, "defaultNamespace");
    }

    /** The resources of one document, adding what is wrong with it to {@code problems}. */
    public List<Resource> read(String source, ParsedDocument document, List<ParseProblem> problems) {
        List<Resource> out = new ArrayList<>();
        if (!(document.root() instanceof Map<?, ?> root)) {
            problems.add(new ParseProblem(ParseProblem.Kind.NOT_AN_OBJECT, document.positions().start(), "",
                    "document " + (document.index() + 1) + " is " + describe(document.root())
                            + ", not a Kubernetes object (a mapping with apiVersion and kind)"));
            return out;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) root;
        if ("List".equals(object.get("kind")) && object.get("items") instanceof List<?> items) {
            List<PositionIndex> itemPositions = document.positions().items("items", items.size());
            for (int i = 0; i < items.size(); i++) {
                readObject(source, document.index(), items.get(i), itemPositions.get(i), FieldPath.item("items", i),
                        problems).ifPresent(out::add);
            }
            return out;
        }
        readObject(source, document.index(), object, document.positions(), "", problems).ifPresent(out::add);
        return out;
    }

    /**
     * One object that arrived as a plain tree rather than text (from a cluster's API server), bound exactly as
     * an object of a file is; it has no positions, so findings about it name {@code source}.
     *
     * @param source   how findings name the object, e.g. {@code cluster:Gateway/istio-system/gw}
     * @param tree     the object as the API server serves it, with {@code apiVersion} and {@code kind}
     * @param problems where an object without {@code apiVersion} or {@code kind} is reported
     */
    public Optional<Resource> readTree(String source, Map<String, Object> tree, List<ParseProblem> problems) {
        return readObject(source, 0, tree, PositionIndex.empty(Position.NONE), "", problems);
    }

    private Optional<Resource> readObject(String source, int documentIndex, Object value,
            PositionIndex positions, String prefix, List<ParseProblem> problems) {
        if (!(value instanceof Map<?, ?> raw)) {
            problems.add(new ParseProblem(ParseProblem.Kind.NOT_AN_OBJECT, positions.start(), prefix,
                    "list item is " + describe(value) + ", not a Kubernetes object"));
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) raw;
        Object apiVersion = tree.get("apiVersion");
        Object kind = tree.get("kind");
        if (!(apiVersion instanceof String) || !(kind instanceof String)) {
            String missing = !(apiVersion instanceof String) ? "apiVersion" : "kind";
            problems.add(new ParseProblem(ParseProblem.Kind.NOT_A_RESOURCE, positions.start(),
                    FieldPath.field(prefix, missing),
                    "object has no " + missing + ": every Kubernetes object needs apiVersion and kind"));
            return Optional.empty();
        }
        Map<?, ?> metadata = tree.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        Object ns = metadata.get("namespace");
        boolean declared = ns instanceof String s && !s.isEmpty();
        String namespace = declared ? (String) ns : defaultNamespace;
        String name = metadata.get("name") instanceof String n ? n : "";
        Optional<ResourceType> type = ResourceType.of((String) apiVersion, (String) kind);
        Optional<Object> typed = Optional.empty();
        Optional<String> bindError = Optional.empty();
        if (type.isPresent()) {
            Class<?> cls = type.get().classFor(ResourceType.versionOf((String) apiVersion));
            try {
                typed = Optional.of(cls == Map.class ? tree : bind(tree, cls));
            } catch (IllegalArgumentException e) {
                bindError = Optional.of(firstLine(e.getMessage()));
            }
        }
        Optional<Object> spec = typed.flatMap(ResourceReader::specOf);
        Origin origin = new Origin(source, documentIndex, positions);
        return Optional.of(new Resource(type, (String) apiVersion, (String) kind, namespace, declared, name,
                tree, typed, spec, bindError, origin));
    }

    /**
     * Binds a plain tree to a model class as resources are bound (unknown fields are left to the schema
     * check).
     *
     * @throws IllegalArgumentException when the tree does not fit the class; its cause says where
     */
    public static <T> T bind(Map<String, Object> tree, Class<T> cls) {
        return MAPPER.convertValue(tree, cls);
    }

    private static Optional<Object> specOf(Object typed) {
        if (typed instanceof Map) {
            return Optional.empty();
        }
        Optional<Method> getter = SPEC_GETTERS.computeIfAbsent(typed.getClass(), cls -> {
            try {
                return Optional.of(cls.getMethod("getSpec"));
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        });
        return getter.map(m -> {
            try {
                return m.invoke(typed);
            } catch (IllegalAccessException | InvocationTargetException e) {
                return null;
            }
        });
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "a bare scalar (" + truncate(String.valueOf(value)) + ")";
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "does not match the schema";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * YAML integers arrive as {@code Long}, which fabric8's {@code IntOrString(Object)} creator rejects
     * ({@code targetPort: 8080} would not bind): whole numbers in int range bind as ports, strings as names.
     */
    private static final class IntOrStringDeserializer extends StdDeserializer<IntOrString> {

        IntOrStringDeserializer() {
            super(IntOrString.class);
        }

        @Override
        public IntOrString deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new IntOrString(p.getText());
            }
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                long value = p.getLongValue();
                if (value == (int) value) {
                    return new IntOrString((int) value);
                }
            }
            return (IntOrString) ctx.handleUnexpectedToken(IntOrString.class, p);
        }
    }
}
