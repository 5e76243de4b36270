package io.gwctl.validate.schema;

import com.fasterxml.jackson.databind.JsonMappingException;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.yaml.FieldPath;
import java.util.List;
import java.util.Map;

/**
 * Finds where a tree that did not bind to its model class went wrong. The resource keeps only the
 * first line of the binding error; binding again (rare: only for objects that failed and that the
 * schema walk could not explain) recovers Jackson's reference chain as a field path.
 */
final class BindFailure {

    private BindFailure() {
    }

    /** The path at which binding {@code tree} to {@code cls} fails, or the empty path. */
    static String path(Map<String, Object> tree, Class<?> cls) {
        try {
            ResourceReader.bind(tree, cls);
            return "";
        } catch (IllegalArgumentException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof JsonMappingException mapping) {
                    return pathOf(mapping, tree);
                }
            }
            return "";
        }
    }

    /**
     * Follows Jackson's reference chain through the tree. Links that name no field of the tree (the Java
     * property of an unwrapped oneof, such as {@code LbPolicy}) are skipped.
     */
    private static String pathOf(JsonMappingException e, Object tree) {
        String path = "";
        Object node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null && node instanceof Map<?, ?> map && map.containsKey(ref.getFieldName())) {
                path = FieldPath.field(path, ref.getFieldName());
                node = map.get(ref.getFieldName());
            } else if (ref.getFieldName() == null && node instanceof List<?> list
                    && ref.getIndex() >= 0 && ref.getIndex() < list.size()) {
                path = FieldPath.item(path, ref.getIndex());
                node = list.get(ref.getIndex());
            }
        }
        return path;
    }
}
