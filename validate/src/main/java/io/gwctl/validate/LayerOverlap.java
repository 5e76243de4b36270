package io.gwctl.validate;

import io.gwctl.model.yaml.FieldPath;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.schema.SchemaCodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps one finding per mistake where the schema check and a rule both see it.
 *
 * <ul>
 *   <li>A missing required field that an Istio rule also reports keeps Istio's message ("port is
 *       required"): that is the text users search for.</li>
 *   <li>Rule findings inside a node whose shape is wrong (an unknown key, a wrong type, a bad enum value
 *       or two oneof branches) are dropped: the rule saw the node without the field the user meant to
 *       write, so {@code numbr: 80} gives "unknown field numbr; did you mean number?" and not also
 *       "port number 0 must be in the range 1..65535".</li>
 * </ul>
 */
final class LayerOverlap {

    private LayerOverlap() {
    }

    /** The findings of one resource, reconciled; {@code all} is in report order. */
    static List<Diagnostic> reconcile(List<Diagnostic> all) {
        Set<String> broken = new HashSet<>();
        for (Diagnostic d : all) {
            if (d.code() == SchemaCodes.UNKNOWN_FIELD) {
                broken.add(FieldPath.parent(d.path()));
            } else if (d.code() == SchemaCodes.WRONG_TYPE || d.code() == SchemaCodes.ENUM_VALUE
                    || d.code() == SchemaCodes.ONE_OF) {
                broken.add(d.path());
            }
        }
        Set<String> ruleFindingPaths = new HashSet<>();
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : all) {
            if (d.code() instanceof SchemaCodes) {
                continue;
            }
            if (!within(d.path(), broken)) {
                kept.add(d);
                ruleFindingPaths.add(d.path());
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : all) {
            boolean schema = d.code() instanceof SchemaCodes;
            if (schema && !(d.code() == SchemaCodes.REQUIRED_FIELD && ruleFindingPaths.contains(d.path()))) {
                out.add(d);
            }
        }
        out.addAll(kept);
        return out;
    }

    private static boolean within(String path, Set<String> nodes) {
        for (String p = path; ; p = FieldPath.parent(p)) {
            if (nodes.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
        }
    }
}
