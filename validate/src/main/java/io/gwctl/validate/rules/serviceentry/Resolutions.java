package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;

/** A ServiceEntry's resolution as Istio sees it: NONE, the protobuf default, when none is written. */
final class Resolutions {

    private Resolutions() {
    }

    static ServiceEntryResolution of(ServiceEntry entry) {
        return entry.getResolution() == null ? ServiceEntryResolution.NONE : entry.getResolution();
    }

    /** Whether Istio resolves the hosts by DNS (DNS or DNS_ROUND_ROBIN). */
    static boolean isDns(ServiceEntryResolution resolution) {
        return resolution == ServiceEntryResolution.DNS || resolution == ServiceEntryResolution.DNS_ROUND_ROBIN;
    }
}
