package dev.beian.gateway.edge;

import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/**
 * Answers 431 as a problem when the request's header section is larger than allowed. The HTTP server's own
 * limit ({@code quarkus.http.limits.max-header-size}) sits higher and only catches the grossly oversized,
 * with a bare 431, because it refuses before any handler runs.
 */
public class HeaderSizeHandler implements Handler<RoutingContext> {

    private final long maxBytes;

    public HeaderSizeHandler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long size = 0;
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (size > maxBytes) {
            GatewayProblems.send(ctx, 431, "header-fields-too-large", "Request header fields too large",
                    "The request headers take " + size + " bytes; at most " + maxBytes + " are accepted",
                    MultiMap.caseInsensitiveMultiMap().add("Connection", "close"));
            return;
        }
        ctx.next();
    }
}
