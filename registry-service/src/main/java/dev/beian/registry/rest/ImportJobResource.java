package dev.beian.registry.rest;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.api.ImportJobView;
import dev.beian.registry.service.ImportJobs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Filings")
public class ImportJobResource {

    /** Seconds a client polling an unfinished job is asked to wait between polls. */
    static final int POLL_SECONDS = 1;

    private final ImportJobs jobs;

    public ImportJobResource(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getImportJob", summary = "An import job: its progress, then its report",
            description = "An import started with `Prefer: respond-async`. While `state` is QUEUED or RUNNING, `stage`, `rowsChecked` "
                    + "and `rowsWritten` show how far it got (rows written become visible only when it commits) and `Retry-After` "
                    + "suggests when to look again. SUCCEEDED carries the report the synchronous import answers; FAILED carries the "
                    + "problem (for example the rejected rows of an all-or-nothing import), and then nothing of the upload was written. "
                    + "A job cut off by a restart of the registry is FAILED with type `…/import-interrupted`.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        ImportJobView job = jobs.get(id).orElseThrow(() -> ProblemException.notFound("Import job", id));
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        Response.ResponseBuilder response = Response.ok(job).cacheControl(noStore);
        if (!job.finished()) {
            response.header("Retry-After", Integer.toString(POLL_SECONDS));
        }
        return response.build();
    }
}
