package dev.beian.gateway.ratelimit;

/**
 * A token bucket holding up to {@code limit} tokens that refills steadily, {@code limit} tokens per window.
 * A request takes one token. Synchronized: requests of one client may arrive on several event loops.
 */
final class TokenBucket {

    /** The outcome of one take: whether it was allowed and what the RateLimit headers should say. */
    record Outcome(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final long limit;
    private final long windowNanos;
    private double tokens;
    private long updatedNanos;

    TokenBucket(long limit, long windowNanos, long nowNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.tokens = limit;
        this.updatedNanos = nowNanos;
    }

    synchronized Outcome take(long nowNanos) {
        refill(nowNanos);
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        long remaining = (long) Math.floor(tokens);
        long resetSeconds = ceilSeconds((limit - tokens) * nanosPerToken());
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds((1 - tokens) * nanosPerToken()));
        return new Outcome(allowed, limit, remaining, resetSeconds, retryAfter);
    }

    /** True when the bucket has refilled completely, so forgetting it changes nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= limit;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedNanos;
        if (elapsed > 0) {
            tokens = Math.min(limit, tokens + elapsed / nanosPerToken());
            updatedNanos = nowNanos;
        }
    }

    private double nanosPerToken() {
        return (double) windowNanos / limit;
    }

    private static long ceilSeconds(double nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000d);
    }
}
