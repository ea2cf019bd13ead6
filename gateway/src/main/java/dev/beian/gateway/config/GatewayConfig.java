package dev.beian.gateway.config;

import dev.beian.gateway.edge.BodyLimits;
import dev.beian.gateway.security.Role;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * abrupt client disconnects, left a plain proxy wedged; 64 matches the load tests. Each event loop keeps its
     * own share (ProxyRoutes), so the total is spread evenly over the loops.
     */
    @WithDefault("64")
    int poolSize();

    /** Requests that may wait for a pooled connection before being refused. */
    @WithDefault("1024")
    int maxWaitQueueSize();

    /** TCP connect timeout to a backend, and the longest wait for a pooled connection. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * Budget of one proxied call until the backend's answer starts (connecting, retries and waiting included);
     * past it the gateway answers 504. While an answer streams, it is the longest silence between chunks.
     */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * Budget of a synchronous import ({@code POST /api/v1/filings/import}), which answers only once every row is
     * checked and written: long enough for the largest file the registry accepts, so that an import it commits is
     * not reported to the client as a 504.
     */
    @WithDefault("10m")
    Duration importTimeout();

    /** Timeout of each backend probe behind the gateway's readiness check. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** Retries of idempotent calls (GET, HEAD) whose connection failed; other methods are never retried. */
    Retry retry();

    /** The per-backend circuit breaker that answers 503 fast while a backend is down. */
    CircuitBreaker circuitBreaker();

    /** API keys by name; each key is given by its SHA-256 and a role. */
    Map<String, ApiKey> apiKeys();

    /** When true, reads (GET, HEAD, OPTIONS) need a key too; by default they are public. */
    @WithDefault("false")
    boolean requireKeyForReads();

    /** Path prefixes that need the admin role for every method. */
    @WithDefault("/api/v1/admin,/api/v1/insights/admin")
    List<String> adminPaths();

    /** Path prefixes that need the editor role for every method, reads included (webhook subscriptions). */
    @WithDefault("/api/v1/webhooks")
    List<String> editorPaths();

    RateLimit rateLimit();

    /**
     * Proxies (CIDR ranges or addresses) whose {@code X-Forwarded-For} is believed: only behind one of them is the
     * forwarded address the client's, for the rate limit and for the backends. Empty (the default): the connection's
     * peer is the client, and a client's own X-Forwarded-For is replaced by the peer's address.
     */
    Optional<List<String>> trustedProxies();

    /** Origins (scheme://host[:port]) allowed to call the API from a browser; "*" for any. Empty: none. */
    Optional<List<String>> corsOrigins();

    /** How long a browser may cache a CORS preflight answer. */
    @WithDefault("10m")
    Duration corsMaxAge();

    /**
     * Largest request body on every API route but the import: larger ones get a 413 problem, whether announced by
     * Content-Length (before the body is read) or streamed. Ordinary calls carry small JSON; the backends accept
     * more (insights 10 MiB, the registry 64 MiB), so the gateway's answer is the one a client gets.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Largest body on the registry's import route ({@code POST /api/v1/filings/import}). Bodies are streamed, not
     * held. Keep it at or below the registry's {@code beian.registry.import.max-bytes} (32 MiB by default).
     */
    @WithDefault("32M")
    MemorySize maxImportBodySize();

    /** The body limits of the API routes. */
    default BodyLimits bodyLimits() {
        return new BodyLimits(maxBodySize().asLongValue(), maxImportBodySize().asLongValue());
    }

    /**
     * Largest request header section answered with a 431 problem. Must stay below
     * {@code quarkus.http.limits.max-header-size}, where the HTTP server refuses with a bare 431.
     */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /**
     * Longest request target (path and query, raw UTF-8 counted percent-encoded) answered with a 414 problem. The
     * backends' HTTP servers take request lines of up to 4096 bytes (Quarkus' default), method and version
     * included, so a longer target would get a backend's bare 414. Must stay below
     * {@code quarkus.http.limits.max-initial-line-length}, where the gateway's own server refuses with a bare 414.
     */
    @WithDefault("4000")
    int maxUriLength();

    OpenApi openapi();

    interface Retry {
        /** Extra attempts after the first one. */
        @WithDefault("1")
        int maxRetries();

        /** Pause before a retry. */
        @WithDefault("100ms")
        Duration backoff();
    }

    interface CircuitBreaker {
        /** Consecutive connection failures that open the breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker refuses before letting one trial call through. */
        @WithDefault("10s")
        Duration coolDown();
    }

    interface ApiKey {
        /** Lower-case hex SHA-256 of the key (e.g. {@code printf %s "$KEY" | sha256sum}). */
        String sha256();

        Role role();

        /** Requests per rate-limit window for this key; default {@code rate-limit.key-limit}. */
        Optional<Integer> rateLimit();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests per window for each client address calling without a key. */
        @WithDefault("300")
        int anonymousLimit();

        /** Requests per window for each API key. */
        @WithDefault("1200")
        int keyLimit();

        /** The window over which a limit refills completely (a token bucket refilling steadily). */
        @WithDefault("1m")
        Duration window();

        /**
         * Gateway replicas sharing the traffic. Counters are kept per replica (like Kong's {@code local}
         * policy), so each replica enforces every configured limit divided by this number (at least 1):
         * N replicas behind an evenly spreading balancer together allow about the configured limit.
         */
        @WithDefault("1")
        int replicas();

        /** The limit this replica enforces for a configured {@code limit}: its share, at least 1. */
        default int perReplica(int limit) {
            return Math.max(1, limit / replicas());
        }
    }

    interface OpenApi {
        /** How long the merged document is served before it is rebuilt from the backends. */
        @WithDefault("30s")
        Duration refresh();

        /** Server URL written in the merged document; default "/": the gateway that served it. */
        @WithDefault("/")
        String serverUrl();
    }
}
