package dev.beian.registry.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.beian.common.problem.Problem;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.api.FilingPage;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.api.HistoryEntry;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;
import dev.beian.registry.service.ETags;
import dev.beian.registry.service.FilingCommands;
import dev.beian.registry.service.FilingExport;
import dev.beian.registry.service.FilingHistory;
import dev.beian.registry.service.FilingQuery;
import dev.beian.registry.service.FilingSearch;
import dev.beian.registry.service.FilingService;
import dev.beian.registry.service.FilingSort;
import dev.beian.registry.service.Idempotency;
import dev.beian.registry.service.Vocabulary;
import io.vertx.core.http.HttpServerRequest;
import dev.beian.common.problem.ProblemException;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@Path("/api/v1/filings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Filings", description = "Filed (备案) and registered (登记) generative-AI services")
public class FilingResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    static final Set<String> LIST_PARAMETERS = Set.of("q", "jurisdiction", "category", "sector", "kind", "status",
            "organization", "baseFilingId", "filedFrom", "filedTo", "weightsAccess", "sort", "cursor", "limit", "format");

    private final FilingService filings;
    private final FilingCommands commands;
    private final FilingSearch search;
    private final FilingHistory history;
    private final Vocabulary vocabulary;
    private final FilingExport export;

    public FilingResource(FilingService filings, FilingCommands commands, FilingSearch search, FilingHistory history,
                          Vocabulary vocabulary, FilingExport export) {
        this.export = export;
        this.filings = filings;
        this.commands = commands;
        this.search = search;
        this.history = history;
        this.vocabulary = vocabulary;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Headers.CSV, Headers.NDJSON})
    @Operation(operationId = "listFilings", summary = "List filings",
            description = "Filters combine with AND. Pages are cursor-based: pass `nextCursor` (also in the `Link: rel=\"next\"` header) as `cursor`. "
                    + "`limit` is 1.." + MAX_LIMIT + " (default " + DEFAULT_LIMIT + "). Send `Accept: text/csv` or `application/x-ndjson`, "
                    + "or `format=csv|ndjson` in a plain link, to export the whole filtered list; the file name says what was "
                    + "filtered and when (Asia/Shanghai).")
    @APIResponse(responseCode = "200", description = "A page of filings, or the whole filtered list as CSV or JSON Lines", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FilingPage.class)),
            @Content(mediaType = Headers.CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Headers.NDJSON, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An invalid or unknown parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context UriInfo uriInfo, @Context HttpHeaders headers, @Context HttpServerRequest request,
                         @Parameter(description = "Substring of the Chinese or English name, organization or filing number; one Chinese character works", example = "文") @QueryParam("q") String q,
                         @Parameter(description = "Jurisdiction code", example = "CN-BJ") @QueryParam("jurisdiction") String jurisdiction,
                         @Parameter(description = "Category code", example = "TEXT") @QueryParam("category") String category,
                         @Parameter(description = "Sector code", example = "FINANCE") @QueryParam("sector") String sector,
                         @Parameter(schema = @Schema(implementation = FilingKind.class)) @QueryParam("kind") String kind,
                         @Parameter(schema = @Schema(implementation = FilingStatus.class)) @QueryParam("status") String status,
                         @Parameter(description = "Organization id") @QueryParam("organization") String organization,
                         @Parameter(description = "Id of a base filing: the registrations built on that model") @QueryParam("baseFilingId") String baseFilingId,
                         @Parameter(description = "Filed on or after", example = "2024-01-01") @QueryParam("filedFrom") String filedFrom,
                         @Parameter(description = "Filed on or before", example = "2024-12-31") @QueryParam("filedTo") String filedTo,
                         @Parameter(schema = @Schema(implementation = WeightsAccess.class)) @QueryParam("weightsAccess") String weightsAccess,
                         @Parameter(description = "filingDate, -filingDate (default), name, -name, updatedAt, -updatedAt") @QueryParam("sort") String sort,
                         @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                         @Parameter(description = "Page size, 1.." + MAX_LIMIT, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", minimum = "1", maximum = "200")) @QueryParam("limit") String limit,
                         @Parameter(description = "json (the page), csv or ndjson (an export of the whole filtered list); overrides Accept, for links a browser follows",
                                 schema = @Schema(enumeration = {"json", "csv", "ndjson"})) @QueryParam("format") String formatParameter) {
        QueryParams.onlyKnown(uriInfo, LIST_PARAMETERS);
        ParameterErrors invalid = new ParameterErrors();
        FilingQuery query = query(invalid, q, jurisdiction, category, sector, kind, status, organization, baseFilingId,
                filedFrom, filedTo, weightsAccess, sort);
        String format = formatParameter == null ? ExportFormat.negotiate(headers.getAcceptableMediaTypes())
                : ExportFormat.fromParameter(formatParameter, invalid);
        if (format != null) {
            for (String pageOnly : new String[]{"cursor", "limit"}) {
                if (uriInfo.getQueryParameters().containsKey(pageOnly)) {
                    invalid.reject(pageOnly, "does not apply to an export, which always holds the whole filtered list");
                }
            }
            invalid.throwIfAny();
            FilingExport.Body export = Headers.CSV.equals(format) ? this.export.csv(query) : this.export.ndjson(query);
            return Response.ok(ExportStreams.abortOnFailure(export, request), Headers.CSV.equals(format) ? format + "; charset=utf-8" : format)
                    .header("Content-Disposition", ExportFormat.contentDisposition(uriInfo, format, java.time.Instant.now()))
                    .header("Vary", "Accept")
                    .build();
        }
        Integer pageSize = invalid.parse(() -> QueryParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
        String after = invalid.parse(() -> QueryParams.text("cursor", cursor, 2000));
        invalid.throwIfAny();
        FilingPage page = search.page(query, after, pageSize);
        // The same address answers JSON or an export by Accept: caches must keep them apart.
        return Response.fromResponse(Responses.page(page, page.nextCursor(), uriInfo)).header("Vary", "Accept").build();
    }

    /** The list's filters and sort; an invalid one is recorded in {@code invalid} and left out. */
    FilingQuery query(ParameterErrors invalid, String q, String jurisdiction, String category, String sector,
                      String kind, String status, String organization, String baseFilingId, String filedFrom,
                      String filedTo, String weightsAccess, String sort) {
        String jurisdictionCode = invalid.parse(() -> QueryParams.code("jurisdiction", jurisdiction, 16, vocabulary::isJurisdiction,
                "a jurisdiction code (see /api/v1/reference/jurisdictions)"));
        String categoryCode = invalid.parse(() -> QueryParams.code("category", category, 16, vocabulary::isCategory,
                "a category code (see /api/v1/reference/categories)"));
        String sectorCode = invalid.parse(() -> QueryParams.code("sector", sector, 24, vocabulary::isSector,
                "a sector code (see /api/v1/reference/sectors)"));
        LocalDate from = invalid.parse(() -> QueryParams.date("filedFrom", filedFrom));
        LocalDate to = invalid.parse(() -> QueryParams.date("filedTo", filedTo));
        if (from != null && to != null && from.isAfter(to)) {
            invalid.reject("filedFrom", "must not be after filedTo");
        }
        FilingSort order = invalid.parse(() -> sort == null ? FilingSort.DEFAULT : FilingSort.parse(sort.strip())
                .orElseThrow(() -> ProblemException.invalidParameter("sort",
                        "must be one of filingDate, -filingDate, name, -name, updatedAt, -updatedAt")));
        return new FilingQuery(invalid.parse(() -> QueryParams.text("q", q, 100)), jurisdictionCode, categoryCode,
                sectorCode,
                invalid.parse(() -> QueryParams.enumValue("kind", kind, FilingKind.class)),
                invalid.parse(() -> QueryParams.enumValue("status", status, FilingStatus.class)),
                invalid.parse(() -> QueryParams.positiveLong("organization", organization)),
                invalid.parse(() -> QueryParams.positiveLong("baseFilingId", baseFilingId)), from, to,
                invalid.parse(() -> QueryParams.enumValue("weightsAccess", weightsAccess, WeightsAccess.class)), order);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFiling", summary = "Create a filing",
            description = "With an `Idempotency-Key`, a retry returns the first answer, marked `Idempotent-Replayed: true`; the same key with another body is a 422.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Filing number or list number already taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull FilingInput input,
                           @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        return Responses.stored(commands.create(input, idempotencyKey, Headers.actor(actor)));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFiling", summary = "Read one filing", description = "Answers 304 when `If-None-Match` names the current ETag.")
    @APIResponse(responseCode = "200", description = "The filing", content = @Content(schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        FilingView view = filings.get(id);
        return Responses.conditional(view, view.version(), ifNoneMatch);
    }

    @IfMatchRequired
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceFiling", summary = "Replace a filing", description = "Send `If-Match` with the ETag you read to be sure no one changed it meanwhile (412 if they did).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Filing number taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") long id, @NotNull FilingInput input,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        FilingView view = filings.replace(id, input, ifMatch, Headers.actor(actor));
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @IfMatchRequired
    @PATCH
    @Path("/{id}")
    @Consumes({Headers.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchFiling", summary = "Change some fields (JSON Merge Patch)", description = "RFC 7396: fields present are set, `null` clears a field. `If-Match` as for replace.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = FilingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid patch", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") long id, @NotNull JsonNode patch,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        FilingView view = filings.patch(id, patch, ifMatch, Headers.actor(actor));
        return Response.ok(view).tag(ETags.entityTag(view.version())).build();
    }

    @IfMatchRequired
    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteFiling", summary = "Delete a filing", description = "To record a withdrawal instead, set `status` to WITHDRAWN. The history stays readable.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such filing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Registrations build on it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing while the registry requires it (beian.registry.require-if-match)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        filings.delete(id, ifMatch, Headers.actor(actor));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getFilingHistory", summary = "Every change to a filing, oldest first", description = "Kept after the filing is deleted.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = HistoryEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No filing with this id ever existed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryEntry> history(@PathParam("id") long id) {
        List<HistoryEntry> entries = history.of(id);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("Filing", id);
        }
        return entries;
    }

}
