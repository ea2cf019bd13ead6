package dev.beian.insights.rest;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.insights.api.OfficialTotalInput;
import dev.beian.insights.api.OfficialTotalView;
import dev.beian.insights.follow.Freshness;
import dev.beian.insights.official.OfficialTotalService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/api/v1/insights/official-totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "Derived insights over the registry, fed by its change feed")
public class OfficialTotalResource {

    private static final String EXAMPLE = "{\"asOf\":\"2026-06-30\",\"filedCumulative\":988,\"registeredCumulative\":598,"
            + "\"approximate\":false,\"status\":\"official-cited\",\"source\":\"CAC 2026-07-10 "
            + "https://www.cac.gov.cn/2026-07/10/c_1785427810632554.htm as cited\",\"note\":null}";

    private final OfficialTotalService totals;
    private final Freshness freshness;

    public OfficialTotalResource(OfficialTotalService totals, Freshness freshness) {
        this.totals = totals;
        this.freshness = freshness;
    }

    @GET
    @Operation(operationId = "listOfficialTotals", summary = "Officially announced cumulative totals, oldest first")
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag")
    @APIResponse(responseCode = "200", description = "The totals", content = @Content(
            schema = @Schema(implementation = OfficialTotalView.class, type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.ARRAY), examples = @ExampleObject(name = "totals", value = "[" + EXAMPLE + "]")))
    public Response list(@Context HttpHeaders headers) {
        // Totals do not depend on the change feed: the tag follows the totals' revision only.
        String tag = freshness.etag(null, null, "official-totals");
        if (ConditionalResponses.matches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            return Response.notModified().header(HttpHeaders.ETAG, tag).build();
        }
        return Response.ok(totals.list()).header(HttpHeaders.ETAG, tag).build();
    }

    @GET
    @Path("/{asOf}")
    @Operation(operationId = "getOfficialTotal", summary = "One announced total, with its ETag for a later update")
    @APIResponse(responseCode = "200", description = "The total; ETag carries its version", content = @Content(
            schema = @Schema(implementation = OfficialTotalView.class), examples = @ExampleObject(name = "total", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "asOf is not a date", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No total for this date", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "2026-06-30") @PathParam("asOf") String asOf) {
        LocalDate date = date(asOf);
        OfficialTotalService.Versioned found = totals.get(date)
                .orElseThrow(() -> ProblemException.notFound("Official total for", date));
        return Response.ok(found.total()).header(HttpHeaders.ETAG, found.etag()).build();
    }

    @PUT
    @Path("/{asOf}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putOfficialTotal", summary = "Create or replace the announced total of a date",
            description = "Creating needs no If-Match; replacing needs If-Match with the total's current ETag.")
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(
            schema = @Schema(implementation = OfficialTotalView.class), examples = @ExampleObject(name = "total", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(
            schema = @Schema(implementation = OfficialTotalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid date or body", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "Replacing without If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@Parameter(example = "2026-06-30") @PathParam("asOf") String asOf,
                        @Parameter(description = "ETag of the total being replaced") @HeaderParam("If-Match") String ifMatch,
                        @Valid @NotNull OfficialTotalInput input, @Context UriInfo uri) {
        OfficialTotalService.Versioned saved = totals.put(date(asOf), input, ifMatch);
        freshness.totalsChanged();
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uri.getAbsolutePathBuilder().build()).entity(saved.total())
                : Response.ok(saved.total());
        return response.header(HttpHeaders.ETAG, saved.etag()).build();
    }

    @DELETE
    @Path("/{asOf}")
    @Operation(operationId = "deleteOfficialTotal", summary = "Delete the announced total of a date (If-Match required)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No total for this date", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(example = "2026-06-30") @PathParam("asOf") String asOf,
                           @HeaderParam("If-Match") String ifMatch) {
        totals.delete(date(asOf), ifMatch);
        freshness.totalsChanged();
        return Response.noContent().build();
    }

    private static LocalDate date(String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (RegisterDates.contains(date)) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ProblemException.invalidParameter("asOf", "must be a date as YYYY-MM-DD from " + RegisterDates.EARLIEST
                + " to " + RegisterDates.LATEST + ", not '" + value + "'");
    }
}
