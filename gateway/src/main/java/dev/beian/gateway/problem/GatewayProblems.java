package dev.beian.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.common.problem.Problem;
import dev.beian.common.web.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.util.List;

/**
 * Problem answers the gateway writes itself on raw Vert.x routes (where the JAX-RS mappers of {@code common}
 * never run), in the same RFC 9457 shape as every service's: the common {@link Problem} record.
 */
public final class GatewayProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayProblems() {
    }

    /** The problem body for a request, naming its path and request id. */
    public static Buffer body(HttpServerRequest request, int status, String slug, String title, String detail) {
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + slug), title, status, detail, request.path(),
                request.getHeader(RequestIds.HEADER), List.of());
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a problem body", e);
        }
    }

    /** Ends the exchange with a problem answer; {@code headers} may carry Retry-After, WWW-Authenticate ... */
    public static void send(RoutingContext ctx, int status, String slug, String title, String detail,
                            MultiMap headers) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (headers != null) {
            response.headers().addAll(headers);
        }
        Future<Void> written = response.end(body(ctx.request(), status, slug, title, detail));
        if (closesConnection(ctx.request(), response)) {
            // Vert.x keeps an HTTP/1.1 connection open whatever the answer says, and would go on reading the body
            // left unread (a 413's, say): close it as announced, once the answer is out.
            written.onComplete(done -> ctx.request().connection().close());
        }
    }

    /** Whether an HTTP/1.x answer announces Connection: close. */
    public static boolean closesConnection(HttpServerRequest request, HttpServerResponse response) {
        return request.version() != HttpVersion.HTTP_2 && "close".equalsIgnoreCase(response.headers().get("Connection"));
    }

    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        send(ctx, status, slug, title, detail, null);
    }
}
