package dev.beian.insights.domain;

import dev.beian.common.time.RegisterDates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Day slots and the Fenwick-tree (binary indexed tree) arithmetic behind every dated counter.
 *
 * <p>Slot 1 is {@link #FIRST_DATE}; each later day is the next slot up to {@link #LAST_DATE}; the last slot,
 * {@link #UNDATED}, holds items without a date, so only whole-history totals include them. A node {@code k}
 * stores the sum of the {@code lowbit(k)} slots ending at {@code k}: a change touches at most 16 nodes and a
 * prefix sum (a count "as of" a day) reads at most 15, independent of how many items were counted.
 *
 * <p>The dates the insights answer for ({@link RegisterDates}, the range the registry accepts) lie strictly
 * inside the index, so the two end slots may stand for "that day or earlier" and "that day or later": a date
 * the registry stored before it checked the range is counted at an end slot, and every accepted window still
 * either holds all of such an end slot or none of it. No accepted answer is ever changed by that.
 *
 * <p>Until migration V4 the index started at 2020-01-01 with 2^14 slots, and moved every earlier date onto its
 * first day. It now starts 2^14 days earlier with 2^15 slots: the old slot (and node) {@code k} is the new
 * {@code k + 2^14}. Since 2^14 is a multiple of every old node's span, each old node covers the same days as
 * its new number, and the old root (all slots, undated included) is the new root; V4 re-bases by adding 2^14.
 */
public final class DayIndex {

    /** Slots the index had before V4; every stored slot and node moved up by this many. */
    public static final int V3_SIZE = 1 << 14;
    /** 2^14 days before 2020-01-01, where the index started until V4. */
    public static final LocalDate FIRST_DATE = LocalDate.of(2020, 1, 1).minusDays(V3_SIZE);
    public static final int SIZE = 1 << 15;
    public static final int UNDATED = SIZE;
    public static final LocalDate LAST_DATE = FIRST_DATE.plusDays(SIZE - 2);

    private DayIndex() {
    }

    /**
     * The slot of a date; null is {@link #UNDATED}. A date before {@link #FIRST_DATE} is in slot 1, one after
     * {@link #LAST_DATE} in the last dated slot: see the class comment for why that changes no accepted answer.
     */
    public static int slot(LocalDate date) {
        if (date == null) {
            return UNDATED;
        }
        long days = ChronoUnit.DAYS.between(FIRST_DATE, date);
        return (int) Math.max(1, Math.min(SIZE - 1, days + 1));
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
