package dev.beian.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops hammering a dead backend. Closed: calls pass; after {@code threshold} consecutive connection failures it
 * opens and refuses at once; after the cool-down one trial call passes (half-open): its success closes the
 * breaker, its failure opens it again. Only connection failures count: a slow or erring backend that accepts
 * connections is answered by timeouts and its own errors. Synchronized: calls come from several event loops;
 * the common case, a closed breaker and a call that connected, reads volatile fields without taking the lock.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier clock;

    private volatile State state = State.CLOSED;
    private volatile int consecutiveFailures;
    private long openedAt;
    private volatile boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration coolDown, LongSupplier clock) {
        this.threshold = Math.max(1, threshold);
        this.coolDownNanos = coolDown.toNanos();
        this.clock = clock;
    }

    /** Whether a call may try the backend now; a true answer must be followed by one record... call. */
    public boolean tryAcquire() {
        if (state == State.CLOSED) {
            return true;
        }
        return tryAcquireSlow();
    }

    private synchronized boolean tryAcquireSlow() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= coolDownNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** The call got a connection. */
    public void recordSuccess() {
        if (state == State.CLOSED && consecutiveFailures == 0 && !trialInFlight) {
            return; // nothing to change
        }
        recordSuccessSlow();
    }

    private synchronized void recordSuccessSlow() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** The call could not connect. */
    public synchronized void recordFailure() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
        }
        trialInFlight = false;
    }

    /** The call ended without telling anything about the backend (e.g. it waited too long for the pool). */
    public synchronized void recordNeutral() {
        trialInFlight = false;
    }

    public State state() {
        return state;
    }

    /** Seconds until the breaker lets a trial call through; at least 1. */
    public synchronized long retryAfterSeconds() {
        if (state != State.OPEN) {
            return 1;
        }
        long left = coolDownNanos - (clock.getAsLong() - openedAt);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** Back to closed; for tests and operators. */
    public synchronized void reset() {
        recordSuccessSlow();
    }
}
