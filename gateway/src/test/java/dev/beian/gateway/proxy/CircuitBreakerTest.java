package dev.beian.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail(2);
        assertTrue(breaker.tryAcquire());
        breaker.recordSuccess();
        fail(2);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        fail(1);
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.retryAfterSeconds());
    }

    @Test
    void letsOneTrialThroughAfterTheCoolDownAndClosesOnItsSuccess() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(breaker.tryAcquire());
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "only one trial at a time");
        breaker.recordSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void reopensWhenTheTrialFailsAndFreesTheTrialWhenItTellsNothing() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertTrue(breaker.tryAcquire());
        breaker.recordNeutral();
        assertTrue(breaker.tryAcquire(), "a neutral outcome lets another trial go");
        breaker.recordFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.recordFailure();
        }
    }
}
