package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.IpAddresses;
import java.util.List;
import java.util.Set;

/**
 * The virtual addresses of a ServiceEntry are IPs or CIDR blocks, and blocks only make sense where Istio
 * does not resolve the hosts (NONE, STATIC). Istio: {@code agent.ValidateIPSubnet}
 * ("%v is not a valid CIDR block", "%v is not a valid IP"), {@code ValidateServiceEntry}
 * ("CIDR addresses are allowed only for NONE/STATIC resolution types"; the CRD's CEL rule says the same).
 */
final class AddressRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        List<String> addresses = entry.getAddresses() == null ? List.of() : entry.getAddresses();
        boolean cidr = false;
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i) == null ? "" : addresses.get(i);
            cidr |= address.contains("/");
            if (address.chars().filter(c -> c == '/').count() == 1) {
                if (!IpAddresses.isCidr(address)) {
                    context.report(ServiceEntryCodes.ADDRESS, ServiceEntryPaths.address(i),
                            "%s is not a valid CIDR block", address);
                }
            } else if (IpAddresses.parse(address).isEmpty()) {
                context.report(ServiceEntryCodes.ADDRESS, ServiceEntryPaths.address(i), "%s is not a valid IP", address);
            }
        }
        ServiceEntryResolution resolution = Resolutions.of(entry);
        if (cidr && resolution != ServiceEntryResolution.NONE && resolution != ServiceEntryResolution.STATIC) {
            context.report(ServiceEntryCodes.CIDR_RESOLUTION, ServiceEntryPaths.ADDRESSES,
                    "CIDR addresses are allowed only for NONE/STATIC resolution types");
        }
    }
}
