package dev.beian.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheLimitThenRefusesWithRetryAfterUntilATokenRefills() {
        TokenBucket bucket = new TokenBucket(3, 60 * SECOND, 0); // one token every 20 s
        assertEquals(new TokenBucket.Outcome(true, 3, 2, 20, 0), bucket.take(0));
        assertEquals(new TokenBucket.Outcome(true, 3, 1, 40, 0), bucket.take(0));
        assertEquals(new TokenBucket.Outcome(true, 3, 0, 60, 0), bucket.take(0));
        TokenBucket.Outcome refused = bucket.take(5 * SECOND);
        assertFalse(refused.allowed());
        assertEquals(15, refused.retryAfterSeconds());
        assertEquals(0, refused.remaining());
        assertTrue(bucket.take(20 * SECOND).allowed());
    }

    @Test
    void refillsSteadilyButNeverBeyondTheLimit() {
        TokenBucket bucket = new TokenBucket(10, 10 * SECOND, 0);
        for (int i = 0; i < 10; i++) {
            bucket.take(0);
        }
        assertEquals(4, bucket.take(5 * SECOND).remaining());
        assertFalse(bucket.isFull(5 * SECOND));
        assertTrue(bucket.isFull(3600 * SECOND));
        assertEquals(9, bucket.take(3600 * SECOND).remaining());
    }
}
