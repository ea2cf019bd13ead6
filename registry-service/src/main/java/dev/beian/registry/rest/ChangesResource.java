package dev.beian.registry.rest;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.feed.ChangeFeed;
import dev.beian.registry.feed.FeedCursor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Set;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "The change feed: every committed change, in order, for followers")
public class ChangesResource {

    static final int MAX_LIMIT = 1000;
    static final int MAX_WAIT_SECONDS = 30;

    private final ChangeFeed feed;

    public ChangesResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @Operation(operationId = "listChanges", summary = "Changes after a cursor, long-polling when none",
            description = "Pass back `nextCursor` as `after` to receive every event exactly once, in an order that never changes. "
                    + "With `wait`, the answer comes as soon as an event commits, or empty after `wait` seconds.")
    @APIResponse(responseCode = "200", description = "Events and the next cursor", content = @Content(schema = @Schema(implementation = ChangeFeed.Batch.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeFeed.Batch changes(@Context UriInfo uriInfo,
                                    @Parameter(description = "Cursor of the last event applied; absent = from the start") @QueryParam("after") String after,
                                    @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", minimum = "1", maximum = "1000")) @QueryParam("limit") String limit,
                                    @Parameter(description = "Seconds to wait for a change when there is none", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0", minimum = "0", maximum = "30")) @QueryParam("wait") String wait) {
        QueryParams.onlyKnown(uriInfo, Set.of("after", "limit", "wait"));
        int pageSize = QueryParams.limit(limit, 100, MAX_LIMIT);
        return feed.read(FeedCursor.decode(after), pageSize, Duration.ofSeconds(waitSeconds(wait)));
    }

    private static int waitSeconds(String wait) {
        if (wait == null || wait.isBlank()) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(wait.strip());
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalidParameter("wait", "must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }
}
