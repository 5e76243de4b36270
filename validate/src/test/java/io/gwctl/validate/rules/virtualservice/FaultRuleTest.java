package io.gwctl.validate.rules.virtualservice;

import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertNone;
import static io.gwctl.validate.rules.virtualservice.VirtualServiceFixture.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio {@code validateHTTPFaultInjection}, {@code validateHTTPFaultInjectionAbort},
 * {@code validateHTTPFaultInjectionDelay}, {@code validatePercentage}, {@code validateGRPCStatus},
 * {@code validateHTTPStatus}; cases after validation_test.go {@code TestValidateHTTPFaultInjectionAbort},
 * {@code TestValidateHTTPFaultInjectionDelay}, {@code TestValidateHTTPStatus}.
 */
class FaultRuleTest {

    private static String fault(String fault) {
        return """
                hosts: [reviews.example.com]
                http:
                - fault:
                    %s
                  route:
                  - destination: {host: reviews}
                """.formatted(fault);
    }

    @Test
    void validFaultsAreAccepted() {
        for (String fault : new String[] {
            "{abort: {httpStatus: 503, percentage: {value: 0.0001}}}",
            "{abort: {grpcStatus: UNAVAILABLE}, delay: {fixedDelay: 5s, percentage: {value: 100}}}",
            "{delay: {fixedDelay: 1s, percentage: {value: 0}}}"}) {
            assertNone(fault(fault), VirtualServiceCodes.FAULT);
            assertNone(fault(fault), VirtualServiceCodes.FAULT_ABORT_TYPE);
        }
    }

    @Test
    void anEmptyFaultIsReported() {
        assertOne(fault("{}"), VirtualServiceCodes.FAULT, 3, "HTTP fault injection must have an abort and/or a delay");
    }

    @Test
    void aPercentageOutOfRangeIsReported() {
        assertOne(fault("{abort: {httpStatus: 500, percentage: {value: 101}}}"), VirtualServiceCodes.FAULT, 4,
                "percentage 101 is neither 0.0, nor in range [0.0001, 100.0]");
        assertOne(fault("{delay: {fixedDelay: 1s, percentage: {value: 0.00001}}}"), VirtualServiceCodes.FAULT, 4,
                "percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]");
    }

    @Test
    void anHttpStatusOutOfRangeIsReported() {
        assertOne(fault("{abort: {httpStatus: 199}}"), VirtualServiceCodes.FAULT, 4,
                "HTTP status 199 is not in range 200-599");
    }

    @Test
    void anUnknownGrpcStatusIsReported() {
        assertOne(fault("{abort: {grpcStatus: NOT-FOUND}}"), VirtualServiceCodes.FAULT, 4,
                "gRPC status \"NOT-FOUND\" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md "
                        + "for a list of supported codes, for example 'NOT_FOUND'");
    }

    @Test
    void http2AbortsAreNotSupported() {
        assertOne(fault("{abort: {http2Error: REFUSED_STREAM}}"), VirtualServiceCodes.FAULT, 4,
                "HTTP/2 abort fault injection not supported yet");
    }

    @Test
    void exponentialDelaysAreNotSupported() {
        assertOne(fault("{delay: {exponentialDelay: 1s}}"), VirtualServiceCodes.FAULT, 4,
                "exponentialDelay not supported yet");
    }

    @Test
    void anAbortWithoutErrorTypeIsAWarning() {
        String spec = fault("{abort: {percentage: {value: 50}}}");
        assertOne(spec, VirtualServiceCodes.FAULT_ABORT_TYPE, 4, "abort configured, but error type not set");
        assertNone(spec, VirtualServiceCodes.FAULT);
    }
}
