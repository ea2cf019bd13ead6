package dev.beian.gateway.ratelimit;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.forwarding.TrustedProxies;
import dev.beian.gateway.problem.GatewayProblems;
import dev.beian.gateway.security.Caller;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits each API key, or each client address for calls without a valid key, and writes the IETF draft
 * {@code RateLimit-Limit/-Remaining/-Reset} headers (and {@code RateLimit-Policy}) on every answer, 429s included.
 * The client address is the socket's peer, or the forwarded one when the peer is a trusted proxy
 * ({@code beian.gateway.trusted-proxies}); a client cannot get a fresh budget by sending X-Forwarded-For itself.
 * Each replica enforces its share of the configured limits ({@code rate-limit.replicas}); the headers state that share.
 */
public class RateLimitHandler implements Handler<RoutingContext> {

    private final RateLimiter limiter;
    private final GatewayConfig.RateLimit config;
    private final TrustedProxies proxies;

    public RateLimitHandler(RateLimiter limiter, GatewayConfig.RateLimit config, TrustedProxies proxies) {
        this.limiter = limiter;
        this.config = config;
        this.proxies = proxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.CONTEXT_KEY);
        String client;
        int limit;
        if (caller.hasKey()) {
            client = "key:" + caller.keyName();
            limit = config.perReplica(caller.rateLimit() != null ? caller.rateLimit() : config.keyLimit());
        } else {
            client = "addr:" + proxies.clientAddress(ctx.request());
            limit = config.perReplica(config.anonymousLimit());
        }
        TokenBucket.Outcome outcome = limiter.take(client, limit);
        HttpServerResponse response = ctx.response();
        response.putHeader("RateLimit-Limit", Long.toString(outcome.limit()))
                .putHeader("RateLimit-Remaining", Long.toString(outcome.remaining()))
                .putHeader("RateLimit-Reset", Long.toString(outcome.resetSeconds()))
                .putHeader("RateLimit-Policy", outcome.limit() + ";w=" + config.window().toSeconds());
        if (!outcome.allowed()) {
            GatewayProblems.send(ctx, 429, "rate-limited", "Too many requests",
                    "The rate limit of " + outcome.limit() + " requests per " + config.window().toSeconds()
                            + " s is used up; retry after " + outcome.retryAfterSeconds() + " s",
                    MultiMap.caseInsensitiveMultiMap().add("Retry-After", Long.toString(outcome.retryAfterSeconds())));
            return;
        }
        ctx.next();
    }
}
