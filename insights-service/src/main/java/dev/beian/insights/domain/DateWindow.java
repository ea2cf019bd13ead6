package dev.beian.insights.domain;

import java.time.LocalDate;
import java.util.Map;

/**
 * The days a breakdown counts: from {@code from} (inclusive, open when null) up to the earlier of {@code to}
 * and {@code asOf}. With no bound at all it is the whole history, undated items included; any bound leaves
 * undated items out, since they cannot be placed in time.
 */
public record DateWindow(LocalDate from, LocalDate to, boolean wholeHistory) {

    public static final DateWindow ALL = new DateWindow(null, null, true);

    public static DateWindow of(LocalDate from, LocalDate to, LocalDate asOf) {
        if (from == null && to == null && asOf == null) {
            return ALL;
        }
        LocalDate upper = to == null ? asOf : asOf == null ? to : (asOf.isBefore(to) ? asOf : to);
        return new DateWindow(from, upper, false);
    }

    public static DateWindow asOf(LocalDate asOf) {
        return of(null, null, asOf);
    }

    /** Fenwick node weights whose weighted sum counts this window. */
    public Map<Integer, Integer> weights() {
        if (wholeHistory) {
            return DayIndex.prefix(DayIndex.UNDATED);
        }
        int lower = from == null ? 1 : DayIndex.slot(from);
        int upper = to == null ? DayIndex.UNDATED - 1 : DayIndex.slot(to);
        return DayIndex.range(lower, upper);
    }
}
