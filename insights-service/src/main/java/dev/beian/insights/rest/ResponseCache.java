package dev.beian.insights.rest;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Serialized insights answers of the current watermark. An answer depends only on the request, the watermark,
 * the day in Shanghai and the official totals (see {@link dev.beian.insights.follow.Freshness}); together
 * these are the cache's basis. Only answers of one basis are held: the first lookup with a new basis (the
 * follower applied a batch, a rebuild, a new day, changed totals) drops them all, so nothing is ever served
 * for a watermark other than the one it was computed for, and memory stays bounded by the number of distinct
 * requests (at most {@code maxEntries}). Concurrent misses of the same request share one computation.
 */
final class ResponseCache {

    /** A serialized answer with its ETag and the applied-at time of the watermark it reflects. */
    record Entry(byte[] body, String etag, Instant appliedAt) {
    }

    /** A computed entry, and whether it may be kept for the basis it was asked under. */
    record Computed(Entry entry, boolean cacheable) {
    }

    private record Generation(String basis, ConcurrentHashMap<String, CompletableFuture<Computed>> answers) {
    }

    private final int maxEntries;
    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation("", new ConcurrentHashMap<>()));

    ResponseCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The entry of {@code request} under {@code basis}, computing it (once, however many ask at the same time) if absent. */
    Entry get(String basis, String request, Supplier<Computed> compute) {
        if (maxEntries <= 0) {
            return compute.get().entry();
        }
        Generation generation = generation(basis);
        CompletableFuture<Computed> mine = new CompletableFuture<>();
        CompletableFuture<Computed> existing = generation.answers().size() < maxEntries
                ? generation.answers().putIfAbsent(request, mine) : generation.answers().get(request);
        if (existing != null) {
            try {
                return existing.get().entry();
            } catch (ExecutionException e) {
                // The computation we waited for failed: compute ourselves, which reports our own failure.
                return compute.get().entry();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return compute.get().entry();
            }
        }
        boolean shared = generation.answers().get(request) == mine;
        try {
            Computed computed = compute.get();
            if (shared) {
                if (!computed.cacheable()) {
                    generation.answers().remove(request, mine);
                }
                mine.complete(computed);
            }
            return computed.entry();
        } catch (RuntimeException | Error e) {
            if (shared) {
                generation.answers().remove(request, mine);
                mine.completeExceptionally(e);
            }
            throw e;
        }
    }

    /** How many answers are held (for tests). */
    int size() {
        return current.get().answers().size();
    }

    private Generation generation(String basis) {
        while (true) {
            Generation g = current.get();
            if (g.basis().equals(basis)) {
                return g;
            }
            Generation next = new Generation(basis, new ConcurrentHashMap<>());
            if (current.compareAndSet(g, next)) {
                return next;
            }
        }
    }
}
