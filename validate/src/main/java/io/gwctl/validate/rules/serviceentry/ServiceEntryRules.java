package io.gwctl.validate.rules.serviceentry;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The ServiceEntry rules, in the order Istio's {@code ValidateServiceEntry} checks. */
public final class ServiceEntryRules {

    private ServiceEntryRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(new WorkloadSelectorRule(), new HostRule(), new AddressRule(), new PortRule(),
                new NoneResolutionRule(), new EndpointRule(), new DnsResolutionRule(), new DynamicDnsResolutionRule(),
                new MultipleHostsRule());
    }
}
