package dev.beian.insights;

import dev.beian.insights.domain.DayIndex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Fenwick arithmetic against brute force. */
class DayIndexTest {

    @Test
    void slotsOfDates() {
        assertEquals(1, DayIndex.slot(LocalDate.of(2020, 1, 1)));
        assertEquals(2, DayIndex.slot(LocalDate.of(2020, 1, 2)));
        assertEquals(DayIndex.UNDATED, DayIndex.slot(null));
        assertEquals(DayIndex.SIZE - 1, DayIndex.slot(DayIndex.LAST_DATE));
        assertEquals(1, DayIndex.slot(LocalDate.of(1999, 5, 5)));
        assertEquals(DayIndex.SIZE - 1, DayIndex.slot(LocalDate.of(2100, 1, 1)));
    }

    @Test
    void rangeSumsEqualBruteForce() {
        Random random = new Random(42);
        long[] slots = new long[DayIndex.SIZE + 1];
        Map<Integer, Long> nodes = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            int slot = i % 10 == 0 ? DayIndex.UNDATED : 1 + random.nextInt(DayIndex.SIZE);
            long delta = random.nextInt(7) - 2;
            slots[slot] += delta;
            int[] touched = DayIndex.updateNodes(slot);
            assertTrue(touched.length <= 15);
            for (int node : touched) {
                nodes.merge(node, delta, Long::sum);
            }
        }
        for (int i = 0; i < 500; i++) {
            int from = 1 + random.nextInt(DayIndex.SIZE);
            int to = i % 50 == 0 ? DayIndex.SIZE : from + random.nextInt(DayIndex.SIZE - from + 1);
            long expected = 0;
            for (int s = from; s <= to; s++) {
                expected += slots[s];
            }
            Map<Integer, Integer> weights = DayIndex.range(from, to);
            assertTrue(weights.size() <= 30);
            long actual = 0;
            for (Map.Entry<Integer, Integer> w : weights.entrySet()) {
                actual += w.getValue() * nodes.getOrDefault(w.getKey(), 0L);
            }
            assertEquals(expected, actual, "slots " + from + ".." + to);
        }
        assertEquals(Map.of(DayIndex.SIZE, 1), DayIndex.prefix(DayIndex.UNDATED));
        assertEquals(Map.of(), DayIndex.range(5, 4));
    }
}
