package dev.beian.insights.domain;

import dev.beian.common.time.RegisterDates;

import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar of the register: CAC dates are days in China (Asia/Shanghai). */
public final class Calendar {

    public static final ZoneId ZONE = RegisterDates.ZONE;
    /** The first CAC filings were announced for August 2023: the default start of time series. */
    public static final LocalDate REGISTER_START = LocalDate.of(2023, 8, 1);

    private Calendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
