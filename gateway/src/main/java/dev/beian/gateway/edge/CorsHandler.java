package dev.beian.gateway.edge;

import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CORS for browser dashboards on configured origins. It runs before every other handler and writes its headers
 * on the answer up front, so errors (401, 429, 503 ...) carry them as well as proxied answers. Quarkus' own
 * CORS filter is not used: it refuses a disallowed origin with a bare 403 and cannot give problem bodies.
 * A disallowed origin's actual requests pass without CORS headers (the browser then hides the answer; same-origin
 * pages such as Swagger UI need none); its preflights get a 403 problem.
 */
public class CorsHandler implements Handler<RoutingContext> {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String EXPOSED_HEADERS = String.join(", ", List.of("X-Request-Id", "ETag", "Location", "Link",
            "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy",
            "WWW-Authenticate", "Content-Disposition", "Idempotent-Replayed"));
    /** A list of header names, as a browser sends in Access-Control-Request-Headers. */
    private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");

    private final Set<String> origins;
    private final boolean anyOrigin;
    private final String maxAgeSeconds;

    public CorsHandler(List<String> origins, Duration maxAge) {
        this.origins = Set.copyOf(origins.stream().map(CorsHandler::trimSlash).toList());
        this.anyOrigin = this.origins.contains("*");
        this.maxAgeSeconds = Long.toString(maxAge.toSeconds());
    }

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (!anyOrigin) {
            response.headers().add("Vary", "Origin");
        }
        if (!allowed(origin)) {
            if (preflight) {
                GatewayProblems.send(ctx, 403, "cors-origin-not-allowed", "Origin not allowed",
                        "Origin " + origin + " may not call this API from a browser");
            } else {
                ctx.next();
            }
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        if (preflight) {
            response.putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS);
            String requested = ctx.request().getHeader("Access-Control-Request-Headers");
            if (requested != null && HEADER_LIST.matcher(requested.trim()).matches()) {
                response.putHeader("Access-Control-Allow-Headers", requested.trim());
            }
            response.putHeader("Access-Control-Max-Age", maxAgeSeconds);
            response.setStatusCode(204).end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        ctx.next();
    }

    private boolean allowed(String origin) {
        return anyOrigin || origins.contains(trimSlash(origin));
    }

    private static String trimSlash(String origin) {
        String trimmed = origin.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
