package dev.beian.registry.rest;

import dev.beian.common.problem.DatabaseFaults;
import dev.beian.registry.service.FilingExport;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * An export that fails after its status line went out cannot turn into an error answer any more. Ending the
 * body cleanly would make a truncated export look complete, so the connection is reset instead: the client
 * sees a broken transfer (no closing chunk), never a clean end.
 */
final class ExportStreams {

    private static final Logger LOG = Logger.getLogger(ExportStreams.class);
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private ExportStreams() {
    }

    static StreamingOutput abortOnFailure(FilingExport.Body body, HttpServerRequest request) {
        return out -> {
            try {
                body.writeTo(out);
            } catch (IOException e) {
                // Only writing to the client throws this: it went away, and there is no one left to tell.
                LOG.debugf("Export ended early, the client went away: %s", e.getMessage());
                abort(request);
                throw e;
            } catch (RuntimeException e) {
                if (DatabaseFaults.unavailable(e)) {
                    LOG.warnf("Export aborted, the database became unavailable: %s", e.getMessage());
                } else {
                    LOG.error("Export aborted", e);
                }
                abort(request);
                throw e;
            }
        };
    }

    /**
     * Closes the connection at once and waits until it is closed. Not {@code response.reset()}: for HTTP/1.1 it
     * closes only after the writes already queued and marks the response closed at once, so the error handling
     * that follows (the problem mapper, then the end of the body) could still queue a problem chunk and the
     * closing chunk ahead of the close, and the cut-off export looked complete after all (seen in about one
     * export in three under test). Closing the Netty channel drops what is still queued in it; bytes already
     * handed to the socket go out, then the connection ends without a closing chunk.
     */
    private static void abort(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (connection instanceof ConnectionBase base) {
            base.channel().close().awaitUninterruptibly(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            request.response().reset();
        }
    }
}
