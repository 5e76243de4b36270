package io.gwctl.validate.rules.ingress;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The Ingress rules: the API server's checks first, then how Istio reads the Ingress. */
public final class IngressRules {

    private IngressRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(
                new SpecContentRule(),
                new HostRule(),
                new PathRule(),
                new BackendRule(),
                new TlsRule(),
                new IngressClassRule(),
                new IstioClassRule(),
                new IgnoredByIstioRule(),
                new PathMatchRule());
    }
}
