package dev.beian.insights.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.time.Duration;

/** Insights settings, under {@code beian.insights} (environment {@code BEIAN_INSIGHTS_...}). */
@ConfigMapping(prefix = "beian.insights")
public interface InsightsConfig {

    /** Base URL of the registry whose change feed is followed. */
    @WithDefault("http://127.0.0.1:8081")
    URI registryUrl();

    Follow follow();

    Cache cache();

    interface Follow {
        /** Start the follower at start-up. Tests switch it off and drive it themselves. */
        @WithDefault("true")
        boolean enabled();

        /** Events asked for per poll; each batch is applied in one transaction (the feed allows 1..1000). */
        @WithDefault("500")
        @Min(1)
        @Max(1000)
        int batchSize();

        /** Long-poll: how long the registry may hold a poll when nothing is new (the feed allows 0..30). */
        @WithDefault("20")
        @Min(0)
        @Max(30)
        int waitSeconds();

        /** TCP connect timeout to the registry. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** First pause after a failed poll; doubled after each further failure up to {@link #backoffMax()}. */
        @WithDefault("500ms")
        Duration backoffInitial();

        @WithDefault("30s")
        Duration backoffMax();

        /**
         * How often a standby replica tries to become the active follower (and takes the stored watermark),
         * and the active one checks its lock's connection: the bound on a takeover after the active one dies.
         */
        @WithDefault("1s")
        Duration leaseCheck();
    }

    interface Cache {
        /** {@code Cache-Control: max-age} of insights answers, in seconds. */
        @WithDefault("5")
        @Min(0)
        int maxAge();

        /**
         * Answers of the current watermark kept in memory, serialized (distinct requests; 0: none). They are
         * dropped as soon as the watermark moves, so a poll never gets an answer older than the data.
         */
        @WithDefault("512")
        @Min(0)
        int answers();
    }
}
