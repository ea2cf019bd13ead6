package dev.beian.common.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides, per answer, whether the HTTP server may gzip it ({@code quarkus.http.enable-compression} does the
 * compressing, for the types in {@code quarkus.http.compress-media-types}, when the client sends
 * {@code Accept-Encoding}). Two kinds of answer stay uncompressed:
 * <ul>
 *   <li>small ones (a known {@code Content-Length} under {@code beian.http.compression.min-bytes}, 1 KiB by
 *       default): a filing, a problem or a 304 gains a few bytes at most, and the compressor's CPU is wasted;</li>
 *   <li>answers with a strong ETag: that tag promises these exact bytes and is what a client sends back in
 *       {@code If-Match}; a compressed copy would need another tag (RFC 9110, 8.8.3), and weakening it as nginx
 *       does would make every If-Match from a gzip-accepting client fail. Versioned resources are small anyway;
 *       list pages, exports, the OpenAPI document and insights answers carry weak tags or none.</li>
 * </ul>
 * Every answer that may be compressed says {@code Vary: Accept-Encoding}, so that caches keep the variants apart.
 * Streams without a length (CSV and NDJSON exports) are compressed as they are written.
 */
@Singleton
public class CompressionPolicy {

    private static final String IDENTITY = "identity";

    private final boolean enabled;
    private final int minBytes;

    public CompressionPolicy(@ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean enabled,
                             @ConfigProperty(name = "beian.http.compression.min-bytes", defaultValue = "1024") int minBytes) {
        this.enabled = enabled;
        this.minBytes = minBytes;
    }

    void install(@Observes Router router) {
        // Only where the server compresses: elsewhere (the gateway, which passes the services' encoding through)
        // there is nothing to decide and the hot path stays as it is.
        if (enabled) {
            router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
        }
    }

    private void onRequest(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> decide(ctx.response().headers()));
        ctx.next();
    }

    void decide(MultiMap headers) {
        if (headers.contains("Content-Encoding")) {
            return;
        }
        String etag = headers.get("ETag");
        boolean strongTag = etag != null && !etag.startsWith("W/");
        if (strongTag || isSmall(headers.get("Content-Length"))) {
            headers.set("Content-Encoding", IDENTITY);
        } else {
            headers.add("Vary", "Accept-Encoding");
        }
    }

    private boolean isSmall(String contentLength) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) < minBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
