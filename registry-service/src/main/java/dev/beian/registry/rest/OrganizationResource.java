package dev.beian.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beian.common.problem.Problem;
import dev.beian.registry.api.OrganizationInput;
import dev.beian.registry.api.OrganizationPage;
import dev.beian.registry.api.OrganizationView;
import dev.beian.registry.service.Cursors;
import dev.beian.registry.service.ETags;
import dev.beian.registry.service.OrganizationService;
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
import jakarta.ws.rs.QueryParam;
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
import java.util.Set;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = "Filing entities (备案单位)")
public class OrganizationResource {

    private final OrganizationService organizations;

    public OrganizationResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @GET
    @Operation(operationId = "listOrganizations", summary = "List organizations by id, optionally filtered by name")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = OrganizationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context UriInfo uriInfo,
                         @Parameter(description = "Substring of the legal or English name", example = "百度") @QueryParam("q") String q,
                         @QueryParam("cursor") String cursor,
                         @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "200")) @QueryParam("limit") String limit) {
        QueryParams.onlyKnown(uriInfo, Set.of("q", "cursor", "limit"));
        ParameterErrors invalid = new ParameterErrors();
        Long after = invalid.parse(() -> cursor == null ? null : Cursors.decodeId(cursor));
        String text = invalid.parse(() -> QueryParams.text("q", q, 100));
        Integer pageSize = invalid.parse(() -> QueryParams.limit(limit, FilingResource.DEFAULT_LIMIT, FilingResource.MAX_LIMIT));
        invalid.throwIfAny();
        OrganizationPage page = organizations.list(text, after, pageSize);
        return Responses.page(page, page.nextCursor(), uriInfo);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOrganization", summary = "Create an organization")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Legal name taken (after normalising width and whitespace)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull OrganizationInput input) {
        OrganizationView view = organizations.create(input);
        return Response.created(URI.create("/api/v1/organizations/" + view.id()))
                .tag(ETags.entityTag(view.version())).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganization", summary = "Read one organization")
    @APIResponse(responseCode = "200", description = "The organization", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        OrganizationView view = organizations.get(id);
        return Responses.conditional(view, view.version(), ifNoneMatch);
    }

    @IfMatchRequired
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceOrganization", summary = "Replace an organization")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Legal name taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") long id, @Valid @NotNull OrganizationInput input,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrganizationView view = organizations.replace(id, input, ifMatch);
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @IfMatchRequired
    @PATCH
    @Path("/{id}")
    @Consumes({Headers.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchOrganization", summary = "Change some fields (JSON Merge Patch)")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") long id, @NotNull JsonNode patch, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        OrganizationView view = organizations.patch(id, patch, ifMatch);
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @IfMatchRequired
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteOrganization", summary = "Delete an organization no filing names")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Filings name it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        organizations.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
