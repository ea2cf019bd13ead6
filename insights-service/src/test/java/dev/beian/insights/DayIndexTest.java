package dev.beian.insights;

import dev.beian.common.time.RegisterDates;
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
        assertEquals(LocalDate.of(1975, 2, 22), DayIndex.FIRST_DATE);
        assertEquals(LocalDate.of(2064, 11, 7), DayIndex.LAST_DATE);
        assertEquals(1, DayIndex.slot(DayIndex.FIRST_DATE));
        assertEquals(2, DayIndex.slot(LocalDate.of(1975, 2, 23)));
        assertEquals(16385, DayIndex.slot(LocalDate.of(2020, 1, 1)));
        assertEquals(16384, DayIndex.slot(LocalDate.of(2019, 12, 31)));
        assertEquals(DayIndex.UNDATED, DayIndex.slot(null));
        assertEquals(DayIndex.SIZE - 1, DayIndex.slot(DayIndex.LAST_DATE));
        assertEquals(1, DayIndex.slot(LocalDate.of(1900, 5, 5)));
        assertEquals(DayIndex.SIZE - 1, DayIndex.slot(LocalDate.of(2100, 1, 1)));
    }

    /**
     * The end slots stand for "that day or earlier" and "that day or later" (dates stored before the registry
     * checked the range): that is exact only while every accepted date lies strictly between them.
     */
    @Test
    void acceptedDatesLieStrictlyInsideTheIndex() {
        assertTrue(DayIndex.slot(RegisterDates.EARLIEST) > 1);
        assertTrue(DayIndex.slot(RegisterDates.LATEST) < DayIndex.SIZE - 1);
        assertEquals(LocalDate.of(1980, 1, 1), RegisterDates.EARLIEST);
    }

    /**
     * What migration V4 relies on: the index as it was until V3 (slot 1 = 2020-01-01, 2^14 slots, earlier dates
     * clamped onto slot 1), re-implemented here, holds for any history of dates from 2020 on exactly the nodes
     * of the current index minus 2^14, undated items and the root included.
     */
    @Test
    void oldNodesPlus16384AreTheNewNodes() {
        Random random = new Random(7);
        Map<Integer, Long> oldNodes = new HashMap<>();
        Map<Integer, Long> newNodes = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            LocalDate date = i % 13 == 0 ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(16383));
            long delta = random.nextInt(5) - 2;
            for (int node : v3UpdateNodes(v3Slot(date))) {
                oldNodes.merge(node + DayIndex.V3_SIZE, delta, Long::sum);
            }
            for (int node : DayIndex.updateNodes(DayIndex.slot(date))) {
                newNodes.merge(node, delta, Long::sum);
            }
        }
        oldNodes.values().removeIf(n -> n == 0);
        newNodes.values().removeIf(n -> n == 0);
        assertEquals(newNodes, oldNodes);
        assertTrue(newNodes.containsKey(DayIndex.SIZE));
        assertEquals(DayIndex.UNDATED, v3Slot(null) + DayIndex.V3_SIZE);
    }

    private static int v3Slot(LocalDate date) {
        if (date == null) {
            return 1 << 14;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2020, 1, 1), date);
        return (int) Math.max(1, Math.min((1 << 14) - 1, days + 1));
    }

    private static java.util.List<Integer> v3UpdateNodes(int slot) {
        java.util.List<Integer> nodes = new java.util.ArrayList<>();
        for (int k = slot; k <= 1 << 14; k += Integer.lowestOneBit(k)) {
            nodes.add(k);
        }
        return nodes;
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
            assertTrue(touched.length <= 16);
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
            assertTrue(weights.size() <= 32);
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
