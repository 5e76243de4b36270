package io.gwctl.validate.source;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.Findings;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Warns about objects of an unknown kind or version in the API groups gwctl checks, where the cause is
 * almost always a typo ({@code kind: Gatway}) that would otherwise pass unchecked. Kinds of other groups
 * (Deployments, ConfigMaps…) are someone else's to check and pass silently, as in istioctl.
 */
public final class UnknownKindCheck {

    private static final Set<String> CHECKED_GROUPS = Set.of("networking.istio.io", "config.istio.io",
            "networking.k8s.io", "extensions");

    private UnknownKindCheck() {
    }

    public static void check(Resource resource, Findings findings) {
        String group = ResourceType.groupOf(resource.apiVersion());
        if (!CHECKED_GROUPS.contains(group)) {
            return;
        }
        List<ResourceType> sameGroup = ResourceType.inGroup(group);
        List<ResourceType> sameKind = sameGroup.stream().filter(t -> t.kind().equals(resource.kind())).toList();
        if (!sameKind.isEmpty()) {
            String versions = sameKind.stream().flatMap(t -> t.versions().stream()).sorted()
                    .map(v -> group + "/" + v).collect(Collectors.joining(", "));
            findings.report(SourceCodes.UNKNOWN_KIND, resource, "apiVersion", String.format(
                    "%s %s is not a version gwctl knows; use one of %s", resource.apiVersion(), resource.kind(), versions));
            return;
        }
        if (group.equals("networking.k8s.io") || group.equals("extensions")) {
            return; // NetworkPolicy, IngressClass…: real kinds gwctl has no checks for
        }
        String hint = sameGroup.stream().map(ResourceType::kind).distinct()
                .min(Comparator.comparingInt(k -> EditDistance.between(k, resource.kind())))
                .filter(k -> EditDistance.between(k, resource.kind()) <= 3)
                .map(k -> "; did you mean " + k + "?").orElse("");
        findings.report(SourceCodes.UNKNOWN_KIND, resource, "kind",
                "unknown kind " + resource.kind() + " in " + group + ", so it is not checked" + hint);
    }
}
