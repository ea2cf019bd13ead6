package dev.beian.insights.rest;

import dev.beian.common.problem.Problem;
import dev.beian.insights.api.RebuildView;
import dev.beian.insights.api.WatermarkView;
import dev.beian.insights.domain.Watermark;
import dev.beian.insights.follow.RebuildService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** Operations on the insights data itself. The gateway lets only the admin role reach them. */
@Path("/api/v1/insights/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights admin", description = "Maintenance of the derived insights")
public class AdminResource {

    private final RebuildService rebuilds;

    public AdminResource(RebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @POST
    @Path("/rebuild")
    @Operation(operationId = "rebuildInsights", summary = "Clear the derived insights and replay the change feed",
            description = "Clears every derived table and resets the feed cursor in one transaction, then the "
                    + "follower replays the registry's change feed from its start; the replay yields the same "
                    + "numbers. Answers at once; progress shows in /q/health/ready and in each answer's watermark.")
    @APIResponse(responseCode = "202", description = "Cleared; the replay runs in the background", content = @Content(
            schema = @Schema(implementation = RebuildView.class), examples = @ExampleObject(name = "rebuild", value =
            "{\"status\":\"replaying\",\"generation\":3,\"watermark\":{\"cursor\":null,\"appliedAt\":"
                    + "\"2026-11-23T06:01:02.456789Z\",\"eventTime\":null}}")))
    @APIResponse(responseCode = "503", description = "The insights database is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rebuild() throws SQLException {
        Watermark reset = rebuilds.rebuild();
        return Response.accepted(new RebuildView("replaying", reset.generation(), WatermarkView.of(reset))).build();
    }
}
