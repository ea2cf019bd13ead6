package dev.beian.gateway.edge;

import dev.beian.gateway.config.GatewayConfig;
import dev.beian.gateway.forwarding.TrustedProxies;
import dev.beian.gateway.ratelimit.RateLimitHandler;
import dev.beian.gateway.ratelimit.RateLimiter;
import dev.beian.gateway.security.AccessPolicy;
import dev.beian.gateway.security.ApiKeys;
import dev.beian.gateway.security.AuthenticationHandler;
import dev.beian.gateway.security.AuthorizationHandler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The checks every API call passes before the proxy, in this order: request shape, who calls, rate limit
 * (which needs the caller and must count refusals too), then whether the caller may do this.
 */
@ApplicationScoped
public class ApiGuardRoutes {

    private final GatewayConfig config;
    private final ApiKeys apiKeys;
    private final RateLimiter rateLimiter;
    private final TrustedProxies trustedProxies;

    public ApiGuardRoutes(GatewayConfig config, ApiKeys apiKeys, RateLimiter rateLimiter,
                          TrustedProxies trustedProxies) {
        this.config = config;
        this.apiKeys = apiKeys;
        this.rateLimiter = rateLimiter;
        this.trustedProxies = trustedProxies;
    }

    void register(@Observes Router router) {
        Route route = router.route("/api/v1/*").order(RouteOrder.API_GUARD)
                .handler(new MetricsPathHandler())
                .handler(new RequestShapeHandler(config.bodyLimits()))
                .handler(new AuthenticationHandler(apiKeys));
        if (config.rateLimit().enabled()) {
            route.handler(new RateLimitHandler(rateLimiter, config.rateLimit(), trustedProxies));
        }
        route.handler(new AuthorizationHandler(new AccessPolicy(config.adminPaths(), config.editorPaths(), config.requireKeyForReads())));
    }
}
