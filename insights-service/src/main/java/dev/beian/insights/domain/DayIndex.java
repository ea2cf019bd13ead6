package dev.beian.insights.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Day slots and the Fenwick-tree (binary indexed tree) arithmetic behind every dated counter.
 *
 * <p>Slot 1 is {@link #FIRST_DATE}; each later day is the next slot up to {@link #LAST_DATE}; the last slot,
 * {@link #UNDATED}, holds items without a date, so only whole-history totals include them. A node {@code k}
 * stores the sum of the {@code lowbit(k)} slots ending at {@code k}: a change touches at most 15 nodes and a
 * prefix sum (a count "as of" a day) reads at most 14, independent of how many items were counted.
 */
public final class DayIndex {

    /** The register began in 2023; 2020 leaves room for earlier-dated corrections. */
    public static final LocalDate FIRST_DATE = LocalDate.of(2020, 1, 1);
    public static final int SIZE = 1 << 14;
    public static final int UNDATED = SIZE;
    public static final LocalDate LAST_DATE = FIRST_DATE.plusDays(SIZE - 2);

    private DayIndex() {
    }

    /** The slot of a date; null is {@link #UNDATED}; dates outside the range are clamped to its ends. */
    public static int slot(LocalDate date) {
        if (date == null) {
            return UNDATED;
        }
        long days = ChronoUnit.DAYS.between(FIRST_DATE, date);
        return (int) Math.max(1, Math.min(SIZE - 1, days + 1));
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    /** The nodes a change at {@code slot} adds to. */
    public static int[] updateNodes(int slot) {
        checkSlot(slot);
        int[] nodes = new int[Integer.numberOfTrailingZeros(SIZE) + 1];
        int count = 0;
        for (int k = slot; k <= SIZE; k += Integer.lowestOneBit(k)) {
            nodes[count++] = k;
        }
        return java.util.Arrays.copyOf(nodes, count);
    }

    /** Node weights whose weighted sum is the total of slots 1..slot (nothing for slot 0). */
    public static Map<Integer, Integer> prefix(int slot) {
        Map<Integer, Integer> weights = new TreeMap<>();
        addPrefix(weights, slot, 1);
        return weights;
    }

    /** Node weights whose weighted sum is the total of slots from..to (empty when from > to). */
    public static Map<Integer, Integer> range(int from, int to) {
        Map<Integer, Integer> weights = new TreeMap<>();
        if (from > to) {
            return weights;
        }
        addPrefix(weights, to, 1);
        addPrefix(weights, from - 1, -1);
        weights.values().removeIf(w -> w == 0);
        return weights;
    }

    private static void addPrefix(Map<Integer, Integer> weights, int slot, int sign) {
        if (slot == 0) {
            return;
        }
        checkSlot(slot);
        for (int k = slot; k > 0; k -= Integer.lowestOneBit(k)) {
            weights.merge(k, sign, Integer::sum);
        }
    }

    private static void checkSlot(int slot) {
        if (slot < 1 || slot > SIZE) {
            throw new IllegalArgumentException("slot " + slot + " outside 1.." + SIZE);
        }
    }
}
