package dev.beian.gateway.edge;

import dev.beian.common.problem.Problems;
import dev.beian.gateway.problem.GatewayProblems;
import dev.beian.gateway.security.PathGuard;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses what should not reach a backend before any work is done: a path in a non-canonical spelling (400), a
 * body whose length is ambiguous (400: a request-smuggling pattern), a body on a GET or HEAD (400: it has no
 * meaning there, and caches and proxies disagree on whether to read it) and a body announced larger than the
 * route allows (413, before it is read). Streamed bodies without a length are counted as they pass by the proxy.
 * Refusals that leave a body unread close the connection.
 */
public class RequestShapeHandler implements Handler<RoutingContext> {

    private final BodyLimits limits;

    public RequestShapeHandler(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!PathGuard.isCanonical(ctx.request().path())) {
            GatewayProblems.send(ctx, 400, "non-canonical-path", Problems.title(400),
                    "The path has dot or empty segments, matrix parameters or needlessly percent-encoded characters");
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        String encoding = ctx.request().getHeader("Transfer-Encoding");
        if (encoding != null && (length != null || !encoding.trim().equalsIgnoreCase("chunked"))) {
            GatewayProblems.send(ctx, 400, "ambiguous-body-length", Problems.title(400),
                    "Send either Content-Length or Transfer-Encoding: chunked, not both or another coding", close());
            return;
        }
        HttpMethod method = ctx.request().method();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD)
                && (encoding != null || (length != null && !length.trim().equals("0")))) {
            GatewayProblems.send(ctx, 400, "body-not-allowed", Problems.title(400),
                    "A " + method.name() + " request has no body; send the parameters in the query", close());
            return;
        }
        if (encoding != null) {
            // A chunk the decoder cannot read is reported to the connection (and to the request, whose handler
            // the proxy replaces while it streams); the connection closes right after.
            var request = ctx.request();
            request.connection().exceptionHandler(failure -> {
                if (MalformedBody.isDecodingFailure(failure)) {
                    MalformedBody.answer(request);
                }
            });
        }
        long max = limits.forPath(ctx.request().path());
        if (length != null && exceeds(length, max)) {
            GatewayProblems.send(ctx, 413, Problems.slug(413), Problems.title(413),
                    "The request body is larger than " + max + " bytes, the most this route accepts", close());
            return;
        }
        ctx.next();
    }

    /** Connection: close, because an unread body cannot be skipped on a kept-alive connection. */
    private static MultiMap close() {
        return MultiMap.caseInsensitiveMultiMap().add("Connection", "close");
    }

    private static boolean exceeds(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // the HTTP decoder refuses a malformed length itself
        }
    }
}
