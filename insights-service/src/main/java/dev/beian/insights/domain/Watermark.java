package dev.beian.insights.domain;

import java.time.Instant;

/**
 * The point of the change feed the aggregates reflect: the cursor after the last applied batch, when it was
 * applied, the time of its last event, how many events were applied and the rebuild generation.
 */
public record Watermark(String cursor, Instant appliedAt, Instant eventTime, long eventsApplied, int generation) {

    public static final Watermark START = new Watermark(null, null, null, 0, 0);

    /** Whether this watermark is later than {@code other}: a later generation, or more events applied. */
    public boolean isAfter(Watermark other) {
        if (generation != other.generation) {
            return generation > other.generation;
        }
        return eventsApplied > other.eventsApplied
                || (eventsApplied == other.eventsApplied && appliedAt != null
                && (other.appliedAt == null || appliedAt.isAfter(other.appliedAt)));
    }
}
