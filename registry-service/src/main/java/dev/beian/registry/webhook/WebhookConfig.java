package dev.beian.registry.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Webhook settings, under {@code beian.webhooks} (environment {@code BEIAN_WEBHOOKS_...}). */
@ConfigMapping(prefix = "beian.webhooks")
public interface WebhookConfig {

    /**
     * Whether targets may resolve to loopback, link-local, private, multicast or unspecified addresses. Off by
     * default so that a subscription cannot make the registry call into its own network (SSRF).
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /**
     * Waits before each retry of a failed delivery, the Standard Webhooks schedule (about 28 hours in all);
     * after the last one the subscription is marked failing and paused. Jitter of ±20% is added.
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** TCP (and TLS) connect timeout of one delivery. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest silence while waiting for the receiver's answer; the whole attempt is bounded by both. */
    @WithDefault("10s")
    Duration readTimeout();

    /** How long the previous secret keeps signing after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Longest pause between scans for due subscriptions (new events wake the dispatcher sooner). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Subscriptions delivered to at the same time by this replica. */
    @WithDefault("4")
    int workers();

    /** Whether this replica runs the dispatcher at all (the API works either way). */
    @WithDefault("true")
    boolean dispatcherEnabled();
}
