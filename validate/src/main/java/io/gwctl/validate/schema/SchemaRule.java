package io.gwctl.validate.schema;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.Validator;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.common.CommonCodes;
import io.gwctl.validate.rules.common.CommonRules;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a resource's shape against its kind's schema, everywhere in the object and all findings in
 * one pass: unknown fields, wrong types, bad enum values, missing required fields, oneof conflicts,
 * and a missing {@code metadata.name}.
 *
 * <p>Istio rejects unknown fields in {@code spec} when it decodes it strictly
 * ({@code ApplyJSONStrict} in {@code istioctl validate}) and unknown top-level keys with
 * {@code unknown field "<key>"}; the API server rejects the rest against the CRD's OpenAPI schema.
 * The schema is derived from the fabric8 model classes ({@link ModelSchemas}). It reads the plain tree,
 * so it also runs, and explains why, when the tree did not bind to its class. When it finds nothing
 * to blame, the model itself fell short (fabric8 cannot read a valid {@code consistentHash.ringHash});
 * that is reported as a warning, with the binding error, since the typed checks are then skipped.
 */
final class SchemaRule implements Validator.UntypedRule {

    private static final Set<ResourceType> KINDS = Arrays.stream(ResourceType.values())
            .filter(t -> !t.isLegacy())
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public Set<ResourceType> kinds() {
        return KINDS;
    }

    @Override
    public void check(RuleContext context) {
        Resource resource = context.resource();
        Class<?> cls = resource.type().map(t -> t.classFor(ResourceType.versionOf(resource.apiVersion())))
                .orElse(null);
        if (cls == null || cls == Map.class) {
            return;
        }
        SchemaWalk walk = new SchemaWalk(context);
        walk.check(resource.tree(), ModelSchemas.of(cls), "");
        if (!CommonRules.ISTIO_KINDS.contains(resource.type().orElseThrow())) {
            checkName(context, resource.tree()); // the Istio kinds' names are NameRule's to check
        }
        if (walk.reported() == 0 && resource.bindError().isPresent()) {
            String path = BindFailure.path(resource.tree(), cls);
            context.report(SchemaCodes.UNREADABLE, path,
                    "%s: cannot be read as %s (%s), so the checks that need it are skipped",
                    path.isEmpty() ? "object" : path, resource.kind(), resource.bindError().get());
        }
    }

    /**
     * The API server's {@code metadata.name: Required value: name or generateName is required}. A name
     * of the wrong type is the walk's to report.
     */
    private static void checkName(RuleContext context, Map<String, Object> tree) {
        Object metadata = tree.get("metadata");
        if (metadata != null && !(metadata instanceof Map)) {
            return;
        }
        Map<?, ?> meta = metadata == null ? Map.of() : (Map<?, ?>) metadata;
        if (isUnset(meta.get("name")) && isUnset(meta.get("generateName"))) {
            context.report(CommonCodes.NAME_REQUIRED, "metadata.name",
                    "metadata.name: Required value: name or generateName is required");
        }
    }

    private static boolean isUnset(Object value) {
        return value == null || "".equals(value);
    }
}
