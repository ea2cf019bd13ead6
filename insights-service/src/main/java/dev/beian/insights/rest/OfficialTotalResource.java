package dev.beian.insights.rest;

import dev.beian.insights.api.OfficialTotalView;
import dev.beian.insights.service.OfficialTotalService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/insights/official-totals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "Derived insights over the registry")
public class OfficialTotalResource {

    private final OfficialTotalService totals;

    public OfficialTotalResource(OfficialTotalService totals) {
        this.totals = totals;
    }

    @GET
    @Operation(operationId = "listOfficialTotals", summary = "Officially announced cumulative totals, oldest first")
    public List<OfficialTotalView> list() {
        return totals.list();
    }
}
