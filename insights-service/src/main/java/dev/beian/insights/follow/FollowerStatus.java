package dev.beian.insights.follow;

import dev.beian.insights.domain.Watermark;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * What the follower knows, held in memory: the watermark the aggregates reflect (so a conditional GET is
 * answered without touching the database), whether the registry answers, whether the last poll found the
 * follower caught up, and the last error. Exposed as gauges and in the readiness details.
 */
@ApplicationScoped
public class FollowerStatus {

    private volatile Watermark watermark = Watermark.START;
    private volatile boolean registryReachable;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private volatile boolean active;
    private volatile Instant lastPollAt;
    private volatile String lastError;

    public FollowerStatus(MeterRegistry meters) {
        Gauge.builder("beian.insights.lag.seconds", this, FollowerStatus::lagSecondsOrNaN)
                .description("Seconds behind the registry: 0 when caught up, else age of the last applied event")
                .register(meters);
        Gauge.builder("beian.insights.event.age.seconds", this, s -> orNaN(s.secondsSinceLastEvent()))
                .description("Seconds since the last applied event occurred in the registry").register(meters);
        Gauge.builder("beian.insights.caught.up", this, s -> s.caughtUp ? 1 : 0)
                .description("1 when the last poll of the change feed found nothing more to apply").register(meters);
        Gauge.builder("beian.insights.registry.reachable", this, s -> s.registryReachable ? 1 : 0)
                .description("1 when the last poll of the change feed reached the registry").register(meters);
        Gauge.builder("beian.insights.follower.active", this, s -> s.active ? 1 : 0)
                .description("1 on the replica that applies the change feed (holds the follower lock), 0 on standbys")
                .register(meters);
        Gauge.builder("beian.insights.events.total", this, s -> s.watermark.eventsApplied())
                .description("Events applied since the last rebuild (the position in the feed)").register(meters);
    }

    public Watermark watermark() {
        return watermark;
    }

    /** Moves the watermark forward; an older one (e.g. from a batch that raced a rebuild) is ignored. */
    public synchronized void advanceTo(Watermark next) {
        if (next.isAfter(watermark)) {
            watermark = next;
        }
    }

    /** Replaces the watermark: after loading it at start-up, and after a rebuild. */
    public synchronized void resetTo(Watermark next) {
        watermark = next;
        caughtUp = false;
    }

    /**
     * On a standby replica: takes the watermark the active replica stored (the aggregates this replica reads
     * are that replica's), so answers and their tags follow it; a rebuild elsewhere shows as a new generation.
     */
    public synchronized void follow(Watermark stored) {
        if (!stored.equals(watermark)) {
            watermark = stored;
        }
    }

    void polled(boolean reachable, boolean caughtUp, String error) {
        this.lastPollAt = Instant.now();
        this.registryReachable = reachable;
        this.caughtUp = caughtUp;
        this.lastError = error;
    }

    void running(boolean running) {
        this.running = running;
    }

    void active(boolean active) {
        this.active = active;
        if (!active) {
            caughtUp = false;
        }
    }

    /** Whether this replica applies the change feed now (holds the follower lock). */
    public boolean active() {
        return active;
    }

    /** Whether this replica follows but another one applies (it waits to take over). */
    public boolean standby() {
        return running && !active;
    }

    public boolean running() {
        return running;
    }

    public boolean registryReachable() {
        return registryReachable;
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    public Instant lastPollAt() {
        return lastPollAt;
    }

    public String lastError() {
        return lastError;
    }

    /** Seconds since the last applied event occurred; null before any event. */
    public Double secondsSinceLastEvent() {
        Instant eventTime = watermark.eventTime();
        return eventTime == null ? null : Math.max(0, Duration.between(eventTime, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Seconds behind: 0 when the last poll found nothing more, otherwise the age of the last applied event
     * (the registry has newer events, at least as old as that). Null when unknown (nothing applied, not caught up;
     * or a standby replica, which does not poll: the active one reports the lag).
     */
    public Double lagSeconds() {
        if (standby()) {
            return null;
        }
        return caughtUp ? Double.valueOf(0) : secondsSinceLastEvent();
    }

    private double lagSecondsOrNaN() {
        return orNaN(lagSeconds());
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
