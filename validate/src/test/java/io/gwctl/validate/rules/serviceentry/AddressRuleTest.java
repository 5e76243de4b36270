package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code agent.ValidateIPSubnet} and {@code ValidateServiceEntry} (addresses); cases after
 * {@code TestValidateServiceEntries} and {@code TestValidateIPSubnet}.
 */
class AddressRuleTest {

    /** A ServiceEntry whose addresses are on line 7. */
    private static String serviceEntry(String addresses, String resolution) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [db.example.com]
                  addresses: %s
                  resolution: %s
                  ports: [{number: 5432, name: tcp, protocol: TCP}]
                """.formatted(addresses, resolution);
    }

    @Test
    void addressesAndBlocksAreAcceptedWithStaticResolution() {
        assertNone(serviceEntry("[10.0.0.1, 10.1.0.0/16, \"2001:db8::/32\"]", "STATIC"), ServiceEntryCodes.ADDRESS,
                ServiceEntryCodes.CIDR_RESOLUTION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'[10.0.0.300]'    | 10.0.0.300 is not a valid IP",
            "'[10.0.0.0/33]'   | 10.0.0.0/33 is not a valid CIDR block",
            "'[db.example.com]' | db.example.com is not a valid IP",
            "'[10.0.0.0/8/8]'  | 10.0.0.0/8/8 is not a valid IP"})
    void invalidAddressIsReported(String addresses, String message) {
        assertOne(serviceEntry(addresses, "STATIC"), ServiceEntryCodes.ADDRESS, 7, message);
    }

    @Test
    void blocksNeedNoneOrStaticResolution() {
        assertOne(serviceEntry("[10.1.0.0/16]", "DNS"), ServiceEntryCodes.CIDR_RESOLUTION, 7,
                "CIDR addresses are allowed only for NONE/STATIC resolution types");
    }
}
