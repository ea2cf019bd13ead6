package dev.beian.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beian.common.problem.Problem;
import dev.beian.registry.api.DeploymentInput;
import dev.beian.registry.api.DeploymentView;
import dev.beian.registry.service.DeploymentService;
import dev.beian.registry.service.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Set;

@Path("/api/v1/filings/{filingId}/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments", description = "Where a filed service is adopted")
public class DeploymentResource {

    private final DeploymentService deployments;

    public DeploymentResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @GET
    @Operation(operationId = "listDeployments", summary = "Deployments of a filing")
    @APIResponse(responseCode = "200", description = "The deployments", content = @Content(schema = @Schema(implementation = DeploymentView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "A query parameter was given (this list takes none)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeploymentView> list(@PathParam("filingId") long filingId, @Context UriInfo uriInfo) {
        QueryParams.onlyKnown(uriInfo, Set.of());
        return deployments.list(filingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDeployment", summary = "Record a deployment")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("filingId") long filingId, @Valid @NotNull DeploymentInput input,
                           @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        DeploymentView view = deployments.create(filingId, input, Headers.actor(actor));
        return Response.created(URI.create("/api/v1/filings/" + filingId + "/deployments/" + view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeployment", summary = "Read one deployment")
    @APIResponse(responseCode = "200", description = "The deployment", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("filingId") long filingId, @PathParam("id") long id,
                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        DeploymentView view = deployments.get(filingId, id);
        return Responses.conditional(view, view.version(), ifNoneMatch);
    }

    @IfMatchRequired
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceDeployment", summary = "Replace a deployment")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("filingId") long filingId, @PathParam("id") long id,
                            @Valid @NotNull DeploymentInput input, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        DeploymentView view = deployments.replace(filingId, id, input, ifMatch, Headers.actor(actor));
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @IfMatchRequired
    @PATCH
    @Path("/{id}")
    @Consumes({Headers.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchDeployment", summary = "Change some fields of a deployment (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = DeploymentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("filingId") long filingId, @PathParam("id") long id, @NotNull JsonNode patch,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        DeploymentView view = deployments.patch(filingId, id, patch, ifMatch, Headers.actor(actor));
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @IfMatchRequired
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteDeployment", summary = "Remove a deployment")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such deployment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("filingId") long filingId, @PathParam("id") long id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        deployments.delete(filingId, id, ifMatch, Headers.actor(actor));
        return Response.noContent().build();
    }
}
