package dev.beian.gateway.proxy;

import io.vertx.httpproxy.ProxyContext;

/** When a proxied call must have its answer started, kept on the call's proxy context. */
record CallDeadline(long atNanos) {

    private static final String KEY = "beian.deadline";

    static CallDeadline start(ProxyContext context, java.time.Duration budget) {
        CallDeadline deadline = new CallDeadline(System.nanoTime() + budget.toNanos());
        context.set(KEY, deadline);
        return deadline;
    }

    static CallDeadline of(ProxyContext context) {
        return context.get(KEY, CallDeadline.class);
    }

    long millisLeft() {
        return (atNanos - System.nanoTime()) / 1_000_000;
    }

    boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }
}
