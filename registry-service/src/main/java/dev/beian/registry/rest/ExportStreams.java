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

    private ExportStreams() {
    }

    static StreamingOutput abortOnFailure(FilingExport.Body body, HttpServerResponse response) {
        return out -> {
            try {
                body.writeTo(out);
            } catch (IOException | RuntimeException e) {
                if (DatabaseFaults.unavailable(e)) {
                    LOG.warnf("Export aborted, the database became unavailable: %s", e.getMessage());
                } else {
                    LOG.error("Export aborted", e);
                }
                response.reset();
                throw e;
            }
        };
    }
}
