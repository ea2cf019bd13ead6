package dev.beian.insights.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/** Calendar periods of a time series. */
public enum Bucket {
    MONTH, QUARTER, YEAR;

    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    public String label(LocalDate start) {
        return switch (this) {
            case MONTH -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** How many periods from the one containing {@code from} to the one containing {@code to}. */
    public long periods(LocalDate from, LocalDate to) {
        long months = ChronoUnit.MONTHS.between(MONTH.startOf(from), MONTH.startOf(to));
        return switch (this) {
            case MONTH -> months + 1;
            case QUARTER -> ChronoUnit.MONTHS.between(startOf(from), startOf(to)) / 3 + 1;
            case YEAR -> to.getYear() - from.getYear() + 1L;
        };
    }
}
