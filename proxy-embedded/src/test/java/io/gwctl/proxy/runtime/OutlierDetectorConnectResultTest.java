package io.gwctl.proxy.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.OutlierDetection;
import io.gwctl.proxy.stats.ClusterStats;
import io.gwctl.proxy.stats.GatewayStats;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a TCP proxy's connect results do to a host's consecutive-error counters, as tcp_proxy reports them to
 * envoyproxy/envoy source/common/upstream/outlier_detection_impl.cc: with the origins not split, a failed connect
 * is a 503, a timeout a 504 and a connection made a 200; split, both failures count as local-origin failures and
 * a connection made starts that count again.
 */
@Timeout(10)
class OutlierDetectorConnectResultTest {

    private final Endpoint host = new Endpoint(new InetSocketAddress("127.0.0.1", 9000), 1, Map.of());
    private final Endpoint other = new Endpoint(new InetSocketAddress("127.0.0.1", 9001), 1, Map.of());
    private final ClusterStats stats = new GatewayStats().cluster("c");
    private final EventLoop loop = new DefaultEventLoop();

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private OutlierDetector detector(OutlierDetection.Builder config) {
        return new OutlierDetector(true, config.setMaxEjectionPercent(UInt32Value.of(100)).build(),
                new EndpointSlots(List.of(host, other)));
    }

    /** Waits until the tasks the detector posted to its loop have run. */
    private void settle() {
        loop.submit(() -> { }).syncUninterruptibly();
    }

    @Test
    void connectFailuresCountAsGatewayErrorsAndAConnectionMadeStartsTheCountAgain() {
        OutlierDetector d = detector(OutlierDetection.newBuilder()
                .setConsecutive5Xx(UInt32Value.of(2))
                .setConsecutiveGatewayFailure(UInt32Value.of(2))
                .setEnforcingConsecutiveGatewayFailure(UInt32Value.of(100)));
        d.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        d.putConnectSuccess(host, stats, loop);
        d.putLocalFailure(host, OutlierDetector.LocalFailure.TIMEOUT, stats, loop);
        settle();
        assertThat(d.ejected(host)).as("a connection made in between counts as a 200").isFalse();

        d.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        settle();
        assertThat(d.ejected(host)).as("a 504 then a 503: two consecutive gateway errors").isTrue();
        assertThat(d.ejected(other)).isFalse();
    }

    @Test
    void splitOriginsCountConnectFailuresAsLocalOriginFailures() {
        OutlierDetector d = detector(OutlierDetection.newBuilder()
                .setSplitExternalLocalOriginErrors(true)
                .setConsecutiveLocalOriginFailure(UInt32Value.of(2))
                .setConsecutive5Xx(UInt32Value.of(1)));
        d.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        settle();
        assertThat(d.ejected(host)).as("split: a failed connect is no 5xx").isFalse();
        d.putConnectSuccess(host, stats, loop);
        d.putLocalFailure(host, OutlierDetector.LocalFailure.TIMEOUT, stats, loop);
        settle();
        assertThat(d.ejected(host)).as("the connection made started the local-origin count again").isFalse();
        d.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        settle();
        assertThat(d.ejected(host)).isTrue();
    }

    @Test
    void aConnectionMadeLeavesTheOtherHostsCountsAlone() {
        OutlierDetector d = detector(OutlierDetection.newBuilder().setConsecutive5Xx(UInt32Value.of(2)));
        d.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        d.putConnectSuccess(other, stats, loop);
        d.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        settle();
        assertThat(d.ejected(host)).as("round robin between a refused and a healthy host").isTrue();
    }

    @Test
    void aConnectionReadyForARequestEndsOnlyTheLocalOriginStreak() {
        OutlierDetector split = detector(OutlierDetection.newBuilder()
                .setSplitExternalLocalOriginErrors(true)
                .setConsecutiveLocalOriginFailure(UInt32Value.of(2)));
        split.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        split.putConnected(host);
        split.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        settle();
        assertThat(split.ejected(host)).as("split: the connection in between ended the streak").isFalse();

        OutlierDetector unsplit = detector(OutlierDetection.newBuilder().setConsecutive5Xx(UInt32Value.of(2)));
        unsplit.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        unsplit.putConnected(host);
        unsplit.putLocalFailure(host, OutlierDetector.LocalFailure.CONNECT_FAILED, stats, loop);
        settle();
        assertThat(unsplit.ejected(host)).as("not split: a connection made is no response, the 503s go on")
                .isTrue();
    }
}
