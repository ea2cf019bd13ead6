package dev.beian.registry.rest;

import dev.beian.common.problem.DatabaseFaults;
import dev.beian.registry.service.FilingExport;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * An export that fails after its status line went out cannot turn into an error answer any more. Ending the
 * body cleanly would make a truncated export look complete, so the connection is reset instead: the client
 * sees a broken transfer (no closing chunk), never a clean end.
 */
final class ExportStreams {

    private static final Logger LOG = Logger.getLogger(ExportStreams.class);
    private static final long CLOSE_WAIT_NANOS = 10_000_000_000L;

    private ExportStreams() {
    }

    static StreamingOutput abortOnFailure(FilingExport.Body body, HttpServerResponse response) {
        return out -> {
            try {
                body.writeTo(out);
            } catch (IOException e) {
                // Only writing to the client throws this: it went away, and there is no one left to tell.
                LOG.debugf("Export ended early, the client went away: %s", e.getMessage());
                abort(response);
                throw e;
            } catch (RuntimeException e) {
                if (DatabaseFaults.unavailable(e)) {
                    LOG.warnf("Export aborted, the database became unavailable: %s", e.getMessage());
                } else {
                    LOG.error("Export aborted", e);
                }
                abort(response);
                throw e;
            }
        };
    }

    /**
     * Resets the connection and waits until it is closed. Vert.x closes an HTTP/1.1 connection after the writes
     * already queued, so without the wait the error handling that follows could still queue the body's clean end
     * (the closing chunk) ahead of the close, and the cut-off export would look complete after all.
     */
    private static void abort(HttpServerResponse response) {
        response.reset();
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        while (!response.closed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
