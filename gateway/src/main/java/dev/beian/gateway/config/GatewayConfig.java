package dev.beian.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Gateway settings, under {@code beian.gateway} (environment {@code BEIAN_GATEWAY_...}). */
@ConfigMapping(prefix = "beian.gateway")
public interface GatewayConfig {

    /** Base URL of the registry service. */
    @WithDefault("http://127.0.0.1:8081")
    URI registryUrl();

    /** Base URL of the insights service. */
    @WithDefault("http://127.0.0.1:8082")
    URI insightsUrl();

    /**
     * Pooled keep-alive connections per backend. Vert.x's default of 5 throttles throughput and, under
     * abrupt client disconnects, left a plain proxy wedged; 64 matches the load tests.
     */
    @WithDefault("64")
    int poolSize();

    /** Requests that may wait for a pooled connection before being refused. */
    @WithDefault("1024")
    int maxWaitQueueSize();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest a backend may take to answer before the gateway gives up with 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Timeout of each backend probe behind the gateway's readiness check. */
    @WithDefault("2s")
    Duration healthTimeout();
}
