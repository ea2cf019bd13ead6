package dev.beian.registry.rest;

import dev.beian.common.problem.Problem;
import dev.beian.registry.api.DeploymentPage;
import dev.beian.registry.service.Cursors;
import dev.beian.registry.service.DeploymentService;
import dev.beian.registry.service.Vocabulary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

import java.util.Set;

/** Deployments across filings: where adoption happens, by region and sector (a filing's own list is nested). */
@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deployments", description = "Where a filed service is adopted")
public class DeploymentSearchResource {

    private final DeploymentService deployments;
    private final Vocabulary vocabulary;

    public DeploymentSearchResource(DeploymentService deployments, Vocabulary vocabulary) {
        this.deployments = deployments;
        this.vocabulary = vocabulary;
    }

    @GET
    @Operation(operationId = "searchDeployments", summary = "Deployments of every filing, by region and sector")
    @APIResponse(responseCode = "200", description = "A page, by id", content = @Content(schema = @Schema(implementation = DeploymentPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context UriInfo uriInfo,
                         @Parameter(description = "ISO 3166-1 alpha-2 country or ISO 3166-2:CN province", example = "CN-GD") @QueryParam("region") String region,
                         @Parameter(description = "Sector code", example = "FINANCE") @QueryParam("sector") String sector,
                         @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "200")) @QueryParam("limit") String limit) {
        QueryParams.onlyKnown(uriInfo, Set.of("region", "sector", "cursor", "limit"));
        ParameterErrors invalid = new ParameterErrors();
        String regionCode = invalid.parse(() -> QueryParams.text("region", region, 8));
        String sectorCode = invalid.parse(() -> QueryParams.code("sector", sector, 24, vocabulary::isSector,
                "a sector code (see /api/v1/reference/sectors)"));
        Long after = invalid.parse(() -> cursor == null ? null : Cursors.decodeId(cursor));
        Integer pageSize = invalid.parse(() -> QueryParams.limit(limit, FilingResource.DEFAULT_LIMIT, FilingResource.MAX_LIMIT));
        invalid.throwIfAny();
        DeploymentPage page = deployments.search(regionCode, sectorCode, after, pageSize);
        return Responses.page(page, page.nextCursor(), uriInfo);
    }
}
