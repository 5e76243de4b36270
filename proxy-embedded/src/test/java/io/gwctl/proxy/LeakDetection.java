package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class whose code leaked a Netty buffer. Netty's leak detector (at PARANOID in this module's
 * tests) only logs what it finds; this records its reports and, after each test class, collects garbage and
 * allocates a little so pending reports come out, then asserts there were none. Registered for every test
 * class of the module by JUnit's extension auto-detection (src/test/resources).
 */
public final class LeakDetection implements AfterAllCallback {

    private static final Queue<String> LEAKS = new ConcurrentLinkedQueue<>();

    static {
        // Detectors are made when Netty's buffer classes initialise: this runs before any test touches one.
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            List<ByteBuf> probes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                probes.add(PooledByteBufAllocator.DEFAULT.directBuffer(16));
            }
            probes.forEach(ByteBuf::release);
        }
        List<String> leaks = new ArrayList<>(LEAKS);
        LEAKS.clear();
        assertThat(leaks).as("Netty buffers leaked by %s", context.getDisplayName()).isEmpty();
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new ResourceLeakDetector<>(resource, samplingInterval) {
                @Override
                protected boolean needReport() {
                    return true;
                }

                @Override
                protected void reportTracedLeak(String resourceType, String records) {
                    LEAKS.add(resourceType + " leaked:" + records);
                }

                @Override
                protected void reportUntracedLeak(String resourceType) {
                    LEAKS.add(resourceType + " leaked (no records)");
                }
            };
        }
    }
}
