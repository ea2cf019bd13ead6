package dev.beian.registry.rest;

import dev.beian.registry.api.ReferenceTerm;
import dev.beian.registry.service.ReferenceService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

import java.util.List;

@Path("/api/v1/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference", description = "Vocabularies: jurisdictions, categories, sectors")
public class ReferenceResource {

    private final ReferenceService reference;

    public ReferenceResource(ReferenceService reference) {
        this.reference = reference;
    }

    @GET
    @Path("/jurisdictions")
    @Cache(maxAge = 3600)
    @Operation(operationId = "listJurisdictions", summary = "Province-level jurisdictions (ISO 3166-2:CN) and SASAC")
    public List<ReferenceTerm> jurisdictions() {
        return reference.jurisdictions();
    }

    @GET
    @Path("/categories")
    @Cache(maxAge = 3600)
    @Operation(operationId = "listCategories", summary = "Service categories (text, image, audio, ...)")
    public List<ReferenceTerm> categories() {
        return reference.categories();
    }

    @GET
    @Path("/sectors")
    @Cache(maxAge = 3600)
    @Operation(operationId = "listSectors", summary = "Application sectors")
    public List<ReferenceTerm> sectors() {
        return reference.sectors();
    }
}
