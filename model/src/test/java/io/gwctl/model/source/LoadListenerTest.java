package io.gwctl.model.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.resource.ResourceReader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LoadListenerTest {

    @Test
    void everySourceIsCountedOnceOutOfTheTotal() {
        List<ConfigSource> sources = IntStream.range(0, 200)
                .mapToObj(i -> (ConfigSource) new InMemorySource("s" + i + ".yaml", """
                        apiVersion: v1
                        kind: Service
                        metadata:
                          name: s%d
                        """.formatted(i)))
                .toList();
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Set<Integer> totals = ConcurrentHashMap.newKeySet();

        ConfigSet set = ConfigSet.load(sources, new ResourceReader("default"), (n, total) -> {
            done.add(n);
            totals.add(total);
        });

        assertThat(set.sources()).hasSize(200);
        assertThat(done).as("each count once, though the sources are read in parallel")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 200).boxed().toList());
        assertThat(totals).containsExactly(200);
    }

    @Test
    void aSingleSourceIsCountedToo() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();

        ConfigSet.load(List.of(new InMemorySource("one.yaml", "")), new ResourceReader("default"),
                (n, total) -> done.add(n));

        assertThat(done).containsExactly(1);
    }
}
