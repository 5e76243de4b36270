package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code validateTCPRoute}, {@code validateTCPMatch} (validation_test.go "missing tcp route"). */
class TcpRouteRuleTest {

    @Test
    void aRouteWithDestinationsIsAccepted() {
        assertNone("""
                hosts: [db.example.com]
                tcp:
                - match:
                  - port: 5432
                  route:
                  - destination: {host: db}
                """, VirtualServiceCodes.TCP_ROUTE);
    }

    @Test
    void aRouteWithoutDestinationsIsReported() {
        assertOne("""
                hosts: [db.example.com]
                tcp:
                - match:
                  - port: 5432
                """, VirtualServiceCodes.TCP_ROUTE, 3, "TCP route is required");
    }

    @Test
    void aNullMatchIsReported() {
        assertOne("""
                hosts: [db.example.com]
                tcp:
                - match:
                  - null
                  route:
                  - destination: {host: db}
                """, VirtualServiceCodes.TCP_ROUTE, 4, "tcp match may not be nil");
    }
}
