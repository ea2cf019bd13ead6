package dev.beian.gateway.dashboard;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The headers policy of the dashboard's page and files: a Content-Security-Policy that lets the page load
 * scripts, styles and data from this origin only (no inline script or style, no framing, no plugins), and the
 * usual companions. The files themselves are served by Quarkus from {@code META-INF/resources} after this
 * handler.
 *
 * <p>Caching: the page and its own files are revalidated on every load ({@code no-cache}, so an upgrade is seen at
 * once); the chart library lives under a versioned path and never changes, so it is cached for a year.
 */
public final class PageHeaders implements Handler<RoutingContext> {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    static final String REVALIDATE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final String cacheControl;

    private PageHeaders(String cacheControl) {
        this.cacheControl = cacheControl;
    }

    /** For the page and the dashboard's own scripts and styles. */
    public static PageHeaders revalidated() {
        return new PageHeaders(REVALIDATE);
    }

    /** For files under a path that names their version. */
    public static PageHeaders immutable() {
        return new PageHeaders(IMMUTABLE);
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                .set("Referrer-Policy", "no-referrer")
                .set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
                .set("Cross-Origin-Opener-Policy", "same-origin")
                .set("Cross-Origin-Resource-Policy", "same-origin");
        // Quarkus' static handler writes its own Cache-Control; ours is put last, just before the head goes out.
        ctx.addHeadersEndHandler(ignored -> {
            if (ctx.response().getStatusCode() < 400) {
                headers.set("Cache-Control", cacheControl);
            }
        });
        ctx.next();
    }
}
