package dev.beian.gateway.security;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Finds out who is calling, from {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}, without
 * answering yet: the rate limiter needs the caller first, so that even refusals count against a budget.
 */
public class AuthenticationHandler implements Handler<RoutingContext> {

    private final ApiKeys apiKeys;

    public AuthenticationHandler(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(Caller.CONTEXT_KEY, identify(ctx));
        ctx.next();
    }

    private Caller identify(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        String apiKey = ctx.request().getHeader("X-API-Key");
        if (authorization != null) {
            String key = bearerToken(authorization);
            if (key == null || (apiKey != null && !apiKey.equals(key))) {
                return Caller.INVALID; // another scheme, or two different keys
            }
            return apiKeys.identify(key);
        }
        return apiKey == null ? Caller.ANONYMOUS : apiKeys.identify(apiKey.trim());
    }

    private static String bearerToken(String authorization) {
        String value = authorization.trim();
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).trim();
        }
        return null;
    }
}
