package dev.beian.gateway.ratelimit;

import dev.beian.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per API key or per client address. Buckets that have refilled completely are
 * forgotten once per window, so memory follows the number of recently active clients. Counters are per gateway
 * instance: with several instances each allows its share of the configured rate (see
 * {@link GatewayConfig.RateLimit#replicas()}).
 */
@ApplicationScoped
public class RateLimiter {

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final long windowNanos;
    private final LongSupplier clock = System::nanoTime;

    public RateLimiter(GatewayConfig config) {
        this.windowNanos = config.rateLimit().window().toNanos();
        if (config.rateLimit().replicas() < 1) {
            throw new IllegalArgumentException("beian.gateway.rate-limit.replicas must be at least 1, not "
                    + config.rateLimit().replicas());
        }
    }

    void scheduleEviction(@Observes StartupEvent start, Vertx vertx) {
        long period = Math.max(1000, windowNanos / 1_000_000);
        vertx.setPeriodic(period, id -> evictFull());
    }

    /** Takes one token from the client's bucket, which holds {@code limit} tokens. */
    public TokenBucket.Outcome take(String client, int limit) {
        long now = clock.getAsLong();
        // The limit is part of the key so that a changed per-key limit gets a bucket of the new size.
        TokenBucket bucket = buckets.computeIfAbsent(client + "#" + limit, k -> new TokenBucket(limit, windowNanos, now));
        return bucket.take(now);
    }

    void evictFull() {
        long now = clock.getAsLong();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    int size() {
        return buckets.size();
    }
}
