package dev.beian.insights.rest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The answer cache: one basis at a time, bounded, shared computations, nothing kept that must not be. */
class ResponseCacheTest {

    private static ResponseCache.Computed answer(String text, boolean cacheable) {
        return new ResponseCache.Computed(new ResponseCache.Entry(text.getBytes(StandardCharsets.UTF_8), "\"" + text + "\"",
                Instant.EPOCH), cacheable);
    }

    private static String body(ResponseCache.Entry entry) {
        return new String(entry.body(), StandardCharsets.UTF_8);
    }

    @Test
    void keepsAnswersUntilTheBasisMoves() {
        ResponseCache cache = new ResponseCache(10);
        AtomicInteger computed = new AtomicInteger();
        assertEquals("a1", body(cache.get("w1", "/summary", () -> answer("a" + computed.incrementAndGet(), true))));
        assertEquals("a1", body(cache.get("w1", "/summary", () -> answer("a" + computed.incrementAndGet(), true))));
        assertEquals(1, computed.get());
        // A new watermark (or day, or totals): the old answers are gone, the new one is computed.
        assertEquals("a2", body(cache.get("w2", "/summary", () -> answer("a" + computed.incrementAndGet(), true))));
        assertEquals(1, cache.size());
        assertEquals("a2", body(cache.get("w2", "/summary", () -> answer("a" + computed.incrementAndGet(), true))));
        assertEquals(2, computed.get());
    }

    @Test
    void anAnswerOfAnotherWatermarkIsNotKept() {
        ResponseCache cache = new ResponseCache(10);
        assertEquals("ahead", body(cache.get("w1", "/matrix", () -> answer("ahead", false))));
        assertEquals(0, cache.size());
        assertEquals("w1", body(cache.get("w1", "/matrix", () -> answer("w1", true))));
        assertEquals(1, cache.size());
    }

    @Test
    void boundedAndSwitchable() {
        ResponseCache cache = new ResponseCache(2);
        for (int i = 0; i < 5; i++) {
            String request = "/trends?from=2024-01-0" + (i + 1);
            assertEquals(request, body(cache.get("w1", request, () -> answer(request, true))));
        }
        assertEquals(2, cache.size());
        ResponseCache off = new ResponseCache(0);
        AtomicInteger computed = new AtomicInteger();
        off.get("w1", "/summary", () -> answer("x" + computed.incrementAndGet(), true));
        off.get("w1", "/summary", () -> answer("x" + computed.incrementAndGet(), true));
        assertEquals(2, computed.get());
        assertEquals(0, off.size());
    }

    @Test
    void aFailureIsNotKept() {
        ResponseCache cache = new ResponseCache(10);
        assertThrows(IllegalStateException.class, () -> cache.get("w1", "/summary", () -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(0, cache.size());
        assertEquals("ok", body(cache.get("w1", "/summary", () -> answer("ok", true))));
    }

    @Test
    void concurrentMissesShareOneComputation() throws Exception {
        ResponseCache cache = new ResponseCache(10);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<ResponseCache.Entry> first = pool.submit(() -> cache.get("w1", "/matrix", () -> {
                computed.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer("m", true);
            }));
            started.await(10, TimeUnit.SECONDS);
            Future<ResponseCache.Entry> second = pool.submit(() -> cache.get("w1", "/matrix", () -> {
                computed.incrementAndGet();
                return answer("other", true);
            }));
            Thread.sleep(100);
            release.countDown();
            assertEquals("m", body(first.get(10, TimeUnit.SECONDS)));
            assertEquals("m", body(second.get(10, TimeUnit.SECONDS)));
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
