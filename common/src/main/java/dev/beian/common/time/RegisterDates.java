package dev.beian.common.time;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The dates the suite accepts: filing dates, status dates and deployment dates in the registry (a write or an
 * imported row outside them is refused with a 400 naming the field), and {@code asOf}, {@code from} and
 * {@code to} in the insights. One range for both, so that every date the registry stores is counted by the
 * insights on its own day and every date the registry accepts can be asked about.
 *
 * <p>Model lists go back well before the register itself (2023), so the range starts in 1980. The insights'
 * day index reaches a few years further on both sides (1975-02-22 to 2064-11-07), which keeps even a date
 * stored before this range existed exact in every answer the insights accept a question for.
 */
public final class RegisterDates {

    /** The register's calendar: CAC dates, "today" and export times are days and times in China. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate EARLIEST = LocalDate.of(1980, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2063, 12, 31);

    private RegisterDates() {
    }

    /** Whether {@code date} is inside the range; null (no date) is not a date and is the caller's to judge. */
    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** The message of a date outside the range, e.g. for a problem's field error. */
    public static String outOfRange(LocalDate date) {
        return "must be a date from " + EARLIEST + " to " + LATEST + ", not " + date;
    }
}
