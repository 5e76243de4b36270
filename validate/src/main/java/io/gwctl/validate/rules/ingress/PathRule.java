package io.gwctl.validate.rules.ingress;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * Each HTTP path has a supported {@code pathType} and a path that fits it. Kubernetes
 * {@code validateHTTPIngressPath}: v1 requires {@code pathType} ("pathType must be specified"; v1beta1
 * defaults it to ImplementationSpecific); Exact and Prefix paths must be absolute and hold none of
 * {@code //}, {@code /./}, {@code /../}, {@code %2f}, {@code %2F} nor end in {@code /..} or {@code /.};
 * an ImplementationSpecific path, when set, must be absolute.
 */
final class PathRule implements ResourceRule {

    static final String EXACT = "Exact";
    static final String PREFIX = "Prefix";
    static final String IMPLEMENTATION_SPECIFIC = "ImplementationSpecific";
    private static final List<String> SUPPORTED = List.of(EXACT, IMPLEMENTATION_SPECIFIC, PREFIX);
    private static final List<String> INVALID_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
    private static final List<String> INVALID_SUFFIXES = List.of("/..", "/.");

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.INGRESS, ResourceType.INGRESS_V1BETA1, ResourceType.INGRESS_EXTENSIONS);
    }

    @Override
    public void check(RuleContext context) {
        IngressView ingress = IngressView.of(context.resource());
        for (IngressView.Path path : ingress.allPaths()) {
            String typePath = IngressPaths.pathType(path.rule(), path.index());
            String type = path.pathType();
            if (type == null) {
                if (ingress.v1()) {
                    context.report(IngressCodes.PATH_TYPE_REQUIRED, typePath,
                            FieldErrors.required(typePath, "pathType must be specified"));
                    continue;
                }
                type = IMPLEMENTATION_SPECIFIC;
            }
            String value = path.path() == null ? "" : path.path();
            String valuePath = IngressPaths.pathValue(path.rule(), path.index());
            switch (type) {
                case EXACT, PREFIX -> checkStrict(context, valuePath, value);
                case IMPLEMENTATION_SPECIFIC -> {
                    if (!value.isEmpty() && !value.startsWith("/")) {
                        context.report(IngressCodes.PATH_INVALID, valuePath,
                                FieldErrors.invalid(valuePath, value, "must be an absolute path"));
                    }
                }
                default -> context.report(IngressCodes.PATH_TYPE_UNSUPPORTED, typePath,
                        FieldErrors.notSupported(typePath, type, SUPPORTED));
            }
        }
    }

    private static void checkStrict(RuleContext context, String at, String value) {
        if (!value.startsWith("/")) {
            context.report(IngressCodes.PATH_INVALID, at, FieldErrors.invalid(at, value, "must be an absolute path"));
        }
        for (String sequence : INVALID_SEQUENCES) {
            if (value.contains(sequence)) {
                context.report(IngressCodes.PATH_INVALID, at,
                        FieldErrors.invalid(at, value, "must not contain '" + sequence + "'"));
            }
        }
        for (String suffix : INVALID_SUFFIXES) {
            if (value.endsWith(suffix)) {
                context.report(IngressCodes.PATH_INVALID, at,
                        FieldErrors.invalid(at, value, "cannot end with '" + suffix + "'"));
            }
        }
    }
}
