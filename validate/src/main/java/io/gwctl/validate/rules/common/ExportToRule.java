package io.gwctl.validate.rules.common;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code exportTo} of VirtualServices, DestinationRules and ServiceEntries, after Istio's
 * {@code validateExportTo} and {@code visibility.Instance.Validate}: each entry is {@code .} (this namespace),
 * {@code *} (every namespace) or a namespace name, and {@code ~} (no one) only on a ServiceEntry; no entry
 * twice ({@code .} counts as the object's own namespace); {@code *} and {@code ~} stand alone.
 *
 * <p>The object's namespace is the one it declares, else the default namespace, as in
 * {@code istioctl validate}. The DestinationRule-only check of exportTo against a workload selector is a
 * DestinationRule rule.
 */
final class ExportToRule implements ResourceRule {

    private static final String PRIVATE = ".";
    private static final String PUBLIC = "*";
    private static final String NONE = "~";
    private static final String PATH = "spec.exportTo";

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE, ResourceType.DESTINATION_RULE, ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        Resource resource = context.resource();
        List<String> exportTo = exportTo(resource);
        if (exportTo == null || exportTo.isEmpty()) {
            return;
        }
        boolean serviceEntry = resource.is(ResourceType.SERVICE_ENTRY);
        String namespace = resource.namespace();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < exportTo.size(); i++) {
            String entry = exportTo.get(i) == null ? "" : exportTo.get(i);
            String key = PRIVATE.equals(entry) ? namespace : entry;
            String at = PATH + "[" + i + "]";
            if (seen.contains(key)) {
                if (!key.equals(entry)) {
                    context.report(CommonCodes.EXPORT_TO_DUPLICATE, at,
                            "duplicate entries in exportTo: . and current namespace %s", namespace);
                } else {
                    context.report(CommonCodes.EXPORT_TO_DUPLICATE, at,
                            "duplicate entries in exportTo for entry %s", entry);
                }
            } else if (serviceEntry && NONE.equals(entry)) {
                seen.add(key);
            } else {
                Optional<String> invalid = invalid(key);
                if (invalid.isPresent()) {
                    context.report(CommonCodes.EXPORT_TO_VALUE, at, invalid.get());
                } else {
                    seen.add(key);
                }
            }
        }
        if (seen.contains(PUBLIC) && exportTo.size() > 1) {
            context.report(CommonCodes.EXPORT_TO_PUBLIC_AND_OTHERS, PATH,
                    "cannot have both public (*) and non-public exportTo values for a resource");
        }
        if (seen.contains(NONE) && exportTo.size() > 1) {
            context.report(CommonCodes.EXPORT_TO_NONE_AND_OTHERS, PATH,
                    "cannot export service entry to no one (~) and someone");
        }
    }

    /** Istio's {@code visibility.Instance.Validate}. */
    private static Optional<String> invalid(String value) {
        if (PRIVATE.equals(value) || PUBLIC.equals(value)) {
            return Optional.empty();
        }
        if (NONE.equals(value)) {
            return Optional.of("exportTo ~ (none) is not allowed for Istio configuration objects");
        }
        if (!DnsNames.isLabel(value)) {
            return Optional.of("only .,*, or a valid DNS 1123 label is allowed as exportTo entry");
        }
        return Optional.empty();
    }

    private static List<String> exportTo(Resource resource) {
        return resource.spec(VirtualService.class).map(VirtualService::getExportTo)
                .or(() -> resource.spec(DestinationRule.class).map(DestinationRule::getExportTo))
                .or(() -> resource.spec(ServiceEntry.class).map(ServiceEntry::getExportTo))
                .orElse(null);
    }
}
