package dev.beian.registry.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The current time at the precision PostgreSQL keeps (microseconds). An answer built from what is about to be
 * written (a create or update response, a change event) then shows the same instant as every later read.
 */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
