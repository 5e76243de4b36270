package io.gwctl.validate.rules.common;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.Validator;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every object needs a name the API server accepts. Istio's custom resources are named like any
 * Kubernetes object ({@code apimachinery ValidateObjectMeta} with {@code NameIsDNSSubdomain}): a name (or a
 * {@code generateName} for {@code kubectl create}) that is a lower-case RFC 1123 subdomain of at most 253
 * characters. Messages are the API server's: "name or generateName is required",
 * "Invalid value: "Foo_1": a lowercase RFC 1123 subdomain must consist of …".
 *
 * <p>Runs on objects that did not bind to their type too: the name does not depend on the spec.
 */
final class NameRule implements Validator.UntypedRule {

    private static final String PATH = "metadata.name";
    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
    private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);
    private static final int MAX_LENGTH = 253;
    private static final String SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'example.com', regex used for validation is '" + SUBDOMAIN + "')";

    @Override
    public Set<ResourceType> kinds() {
        return CommonRules.ISTIO_KINDS;
    }

    @Override
    public void check(RuleContext context) {
        Map<?, ?> metadata = Metadata.of(context.resource());
        Object name = metadata.get("name");
        if (name == null || "".equals(name)) {
            Object generateName = metadata.get("generateName");
            if (!(generateName instanceof String g) || g.isEmpty()) {
                context.report(CommonCodes.NAME_REQUIRED, PATH, "metadata.name: Required value: name or generateName is required");
            }
            return;
        }
        if (!(name instanceof String value)) {
            return;
        }
        if (value.length() > MAX_LENGTH) {
            context.report(CommonCodes.NAME_INVALID, PATH,
                    invalid(value, "must be no more than " + MAX_LENGTH + " characters"));
        }
        if (!SUBDOMAIN_PATTERN.matcher(value).matches()) {
            context.report(CommonCodes.NAME_INVALID, PATH, invalid(value, SUBDOMAIN_MESSAGE));
        }
    }

    private static String invalid(String value, String detail) {
        return "Invalid value: \"" + value + "\": " + detail;
    }
}
