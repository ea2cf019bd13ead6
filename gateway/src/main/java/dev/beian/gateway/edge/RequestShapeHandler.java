package dev.beian.gateway.edge;

import dev.beian.gateway.problem.GatewayProblems;
import dev.beian.gateway.security.PathGuard;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses what should not reach a backend before any work is done: a path in a non-canonical spelling (400), a
 * body whose length is ambiguous (400: a request-smuggling pattern) and a body announced larger than allowed
 * (413, before it is read). Streamed bodies without a length are
 * counted as they pass by the proxy.
 */
public class RequestShapeHandler implements Handler<RoutingContext> {

    private final long maxBodyBytes;

    public RequestShapeHandler(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!PathGuard.isCanonical(ctx.request().path())) {
            GatewayProblems.send(ctx, 400, "non-canonical-path", "Bad request",
                    "The path has dot or empty segments, matrix parameters or needlessly percent-encoded characters");
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        String encoding = ctx.request().getHeader("Transfer-Encoding");
        if (encoding != null && (length != null || !encoding.trim().equalsIgnoreCase("chunked"))) {
            GatewayProblems.send(ctx, 400, "ambiguous-body-length", "Bad request",
                    "Send either Content-Length or Transfer-Encoding: chunked, not both or another coding",
                    MultiMap.caseInsensitiveMultiMap().add("Connection", "close"));
            return;
        }
        if (length != null && exceeds(length)) {
            // Connection: close, because the unread body cannot be skipped on a kept-alive connection.
            GatewayProblems.send(ctx, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBodyBytes + " bytes",
                    MultiMap.caseInsensitiveMultiMap().add("Connection", "close"));
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the proxy refuses a malformed length itself
        }
    }
}
