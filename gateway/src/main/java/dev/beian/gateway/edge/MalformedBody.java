package dev.beian.gateway.edge;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.Problems;
import dev.beian.gateway.problem.GatewayProblems;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;

import java.io.IOException;

/**
 * The answer to a request body the HTTP decoder cannot read (a chunk size that is not hex, a chunk not ended by
 * CRLF). Vert.x reports it to the request's exception handler and closes the connection right after, so the 400
 * problem is written then or never.
 */
public final class MalformedBody {

    private MalformedBody() {
    }

    /** A body failure that is the decoder's (its own exception types), not the connection closing. */
    public static boolean isDecodingFailure(Throwable failure) {
        return !(failure instanceof IOException) && !(failure instanceof HttpClosedException);
    }

    /** Writes the 400 problem at once, unless an answer has begun. */
    public static void answer(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .end(GatewayProblems.body(request, 400, "malformed-body", Problems.title(400),
                        "The request body cannot be read: its chunked framing is malformed"));
        // Written while Vert.x is still handling the bytes it read, the answer waits for the end of that read to be
        // flushed, and the connection is closed before: flush it now.
        if (request.connection() instanceof ConnectionBase connection) {
            connection.channel().flush();
        }
    }
}
