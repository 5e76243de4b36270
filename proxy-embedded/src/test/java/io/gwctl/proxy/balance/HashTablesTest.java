package io.gwctl.proxy.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashTablesTest {

    private static final List<String> HOSTS = List.of("10.0.0.1:80", "10.0.0.2:80", "10.0.0.3:80");

    @Test
    void ringSpreadsKeysByWeightAndMovesFewWhenAHostGoes() {
        HashRing ring = new HashRing(HOSTS, new int[] {1, 1, 2}, 1024, HashRing.DEFAULT_MAXIMUM_SIZE);
        assertThat(ring.size()).isGreaterThanOrEqualTo(1024);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            counts.merge(ring.pick(XxHash64.hash("user-" + i)), 1, Integer::sum);
        }
        assertThat(counts.get(2)).as("weight 2 of 4: %s", counts).isBetween(1600, 2400);
        HashRing smaller = new HashRing(HOSTS.subList(0, 2), new int[] {1, 1}, 1024, HashRing.DEFAULT_MAXIMUM_SIZE);
        int kept = 0;
        int moved = 0;
        for (int i = 0; i < 1000; i++) {
            long h = XxHash64.hash("user-" + i);
            if (ring.pick(h) != 2) {
                if (smaller.pick(h) == ring.pick(h)) {
                    kept++;
                } else {
                    moved++;
                }
            }
        }
        // The remaining hosts get more entries on the smaller ring, so a few of their keys change hands too.
        assertThat(moved).as("keys of the remaining hosts mostly stay (kept %d)", kept).isLessThan(kept / 4);
    }

    @Test
    void maglevFillsEveryHostAndIsStable() {
        MaglevTable table = new MaglevTable(HOSTS, new int[] {1, 1, 1}, 65537);
        MaglevTable again = new MaglevTable(HOSTS, new int[] {1, 1, 1}, 65537);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            long h = XxHash64.hash("user-" + i);
            assertThat(again.pick(h)).isEqualTo(table.pick(h));
            counts.merge(table.pick(h), 1, Integer::sum);
        }
        assertThat(counts).hasSize(3);
        counts.values().forEach(c -> assertThat(c).as("%s", counts).isBetween(800, 1200));
    }
}
