package dev.beian.insights.rest;

import dev.beian.common.problem.Problem;
import dev.beian.insights.api.CategoriesView;
import dev.beian.insights.api.CoverageView;
import dev.beian.insights.api.Filters;
import dev.beian.insights.api.LineageView;
import dev.beian.insights.api.MatrixView;
import dev.beian.insights.api.OrganizationsView;
import dev.beian.insights.api.RegionsView;
import dev.beian.insights.api.SummaryView;
import dev.beian.insights.api.TrendsView;
import dev.beian.insights.api.WeightsView;
import dev.beian.insights.domain.Bucket;
import dev.beian.insights.domain.Calendar;
import dev.beian.insights.query.BreakdownService;
import dev.beian.insights.query.CoverageService;
import dev.beian.insights.query.RankingService;
import dev.beian.insights.query.SummaryService;
import dev.beian.insights.query.TrendService;
import dev.beian.insights.query.Vocabulary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The insights breakdowns. Thin: parameters are validated here, numbers come from the services, and every
 * answer goes through {@link ConditionalResponses} for its ETag and 304 handling.
 */
@Path("/api/v1/insights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Insights", description = "Derived insights over the registry, fed by its change feed")
@APIResponse(responseCode = "304", description = "Not modified: If-None-Match holds the current ETag",
        headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
@APIResponse(responseCode = "400", description = "A parameter is invalid or unknown; the problem names it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "invalid-parameter", value = InsightsResource.BAD_PARAMETER)))
@APIResponse(responseCode = "503", description = "The insights database is unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class InsightsResource {

    static final String BAD_PARAMETER = "{\"type\":\"https://beian.dev/problems/invalid-parameter\",\"title\":"
            + "\"Invalid parameter\",\"status\":400,\"detail\":\"Parameter 'bucket' must be one of month, quarter, "
            + "year, not 'week'\",\"instance\":\"/api/v1/insights/trends\",\"errors\":[{\"field\":\"bucket\","
            + "\"message\":\"must be one of month, quarter, year, not 'week'\"}]}";
    private static final String WATERMARK = "\"watermark\":{\"cursor\":\"AAAAAAAAAe4AAAAAAAAAKg\","
            + "\"appliedAt\":\"2026-11-23T06:01:02.456789Z\",\"eventTime\":\"2026-11-23T06:01:02.123456Z\"}";
    private static final String AS_OF = "Answer as of the end of this day (YYYY-MM-DD, Asia/Shanghai); filings "
            + "without a filing date are then left out. Default: now, all filings.";
    private static final String KIND = "Only filings (FILING, national 备案) or registrations (REGISTRATION, local 登记)";

    private final ConditionalResponses conditional;
    private final Vocabulary vocabulary;
    private final SummaryService summaries;
    private final BreakdownService breakdowns;
    private final TrendService trends;
    private final RankingService rankings;
    private final CoverageService coverage;

    public InsightsResource(ConditionalResponses conditional, Vocabulary vocabulary, SummaryService summaries,
                            BreakdownService breakdowns, TrendService trends, RankingService rankings,
                            CoverageService coverage) {
        this.conditional = conditional;
        this.vocabulary = vocabulary;
        this.summaries = summaries;
        this.breakdowns = breakdowns;
        this.trends = trends;
        this.rankings = rankings;
        this.coverage = coverage;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getInsightsSummary", summary = "Totals by kind and status, new in the last 30 days, "
            + "organizations and jurisdictions")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(
            schema = @Schema(implementation = SummaryView.class), examples = @ExampleObject(name = "summary", value =
            "{\"asOf\":null,\"total\":49,\"byKind\":[{\"kind\":\"FILING\",\"count\":46,\"byStatus\":{\"ACTIVE\":46,"
                    + "\"SUSPENDED\":0,\"WITHDRAWN\":0,\"REVOKED\":0}}],\"byStatus\":{\"ACTIVE\":49,\"SUSPENDED\":0,"
                    + "\"WITHDRAWN\":0,\"REVOKED\":0},\"newInLast30Days\":{\"from\":\"2026-10-25\",\"to\":\"2026-11-23\","
                    + "\"count\":0,\"byKind\":{\"FILING\":0,\"REGISTRATION\":0}},\"organizations\":44,"
                    + "\"jurisdictions\":5,\"undated\":17," + WATERMARK + "}")))
    public Response summary(@Parameter(description = AS_OF, example = "2025-12-31") @QueryParam("asOf") String asOf,
                            @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams q = QueryParams.of(uri, vocabulary, "asOf");
        LocalDate date = q.date("asOf");
        q.throwIfInvalid();
        return conditional.respond(uri, headers, () -> summaries.summary(date, Calendar.today()));
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "getInsightsCategories", summary = "Count and share of filings per category",
            description = "A filing in several categories counts in each, so shares may add up to more than 1.")
    @APIResponse(responseCode = "200", description = "Categories, most filed first", content = @Content(
            schema = @Schema(implementation = CategoriesView.class), examples = @ExampleObject(name = "categories",
            value = "{\"filters\":{\"kind\":\"FILING\",\"jurisdiction\":null,\"from\":null,\"to\":null,\"asOf\":null},"
                    + "\"filings\":46,\"categories\":[{\"category\":\"TEXT\",\"nameZh\":\"文本\",\"nameEn\":\"Text\","
                    + "\"count\":46,\"share\":1.0}]," + WATERMARK + "}")))
    public Response categories(
            @Parameter(description = KIND) @QueryParam("kind") String kind,
            @Parameter(description = "Jurisdiction code (CN-BJ ... or SASAC)", example = "CN-BJ")
            @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "First filing date counted", example = "2024-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last filing date counted", example = "2024-12-31") @QueryParam("to") String to,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Filters filters = QueryParams.of(uri, vocabulary, "kind", "jurisdiction", "from", "to", "asOf").filters(true);
        return conditional.respond(uri, headers, () -> breakdowns.categories(filters));
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "getInsightsRegions", summary = "Filings per jurisdiction and adoption per region and sector",
            description = "Jurisdictions carry Chinese and English names. Adoption counts deployments by their "
                    + "since date; the kind filter applies to filings only.")
    @APIResponse(responseCode = "200", description = "Regions", content = @Content(
            schema = @Schema(implementation = RegionsView.class), examples = @ExampleObject(name = "regions", value =
            "{\"filters\":{\"kind\":null,\"jurisdiction\":null,\"from\":null,\"to\":null,\"asOf\":null},\"filings\":49,"
                    + "\"jurisdictions\":[{\"code\":\"CN-BJ\",\"nameZh\":\"北京市\",\"nameEn\":\"Beijing\",\"count\":6,"
                    + "\"share\":0.1224}],\"unknownJurisdiction\":27,\"adoption\":{\"deployments\":1,\"byRegion\":"
                    + "[{\"code\":\"CN-GD\",\"nameZh\":\"广东省\",\"nameEn\":\"Guangdong\",\"count\":1}],\"bySector\":"
                    + "[{\"code\":\"FINANCE\",\"nameZh\":\"金融\",\"nameEn\":\"Finance\",\"count\":1}]}," + WATERMARK + "}")))
    public Response regions(
            @Parameter(description = KIND) @QueryParam("kind") String kind,
            @Parameter(description = "First filing (or deployment) date counted") @QueryParam("from") String from,
            @Parameter(description = "Last filing (or deployment) date counted") @QueryParam("to") String to,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Filters filters = QueryParams.of(uri, vocabulary, "kind", "from", "to", "asOf").filters(false);
        return conditional.respond(uri, headers, () -> breakdowns.regions(filters));
    }

    @GET
    @Path("/trends")
    @Operation(operationId = "getInsightsTrends", summary = "Filings per month, quarter or year (Asia/Shanghai calendar)",
            description = "per-period counts filings dated in each period (within from..to); cumulative counts all "
                    + "filings dated from the start of the register to each period's end. At most 400 periods.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(
            schema = @Schema(implementation = TrendsView.class), examples = @ExampleObject(name = "trends", value =
            "{\"bucket\":\"quarter\",\"mode\":\"cumulative\",\"from\":\"2023-08-01\",\"to\":\"2023-12-31\","
                    + "\"kind\":null,\"series\":[{\"period\":\"2023-Q3\",\"start\":\"2023-07-01\",\"end\":"
                    + "\"2023-09-30\",\"count\":14,\"byKind\":{\"FILING\":14,\"REGISTRATION\":0}}]," + WATERMARK + "}")))
    public Response trends(
            @Parameter(description = "Period length", schema = @Schema(enumeration = {"month", "quarter", "year"},
                    defaultValue = "month")) @QueryParam("bucket") String bucket,
            @Parameter(description = "Counts per period or running totals", schema = @Schema(
                    enumeration = {"per-period", "cumulative"}, defaultValue = "per-period")) @QueryParam("mode") String mode,
            @Parameter(description = "First day counted; default 2023-08-01, the month of the first filings")
            @QueryParam("from") String from,
            @Parameter(description = "Last day counted; default today in Asia/Shanghai") @QueryParam("to") String to,
            @Parameter(description = KIND) @QueryParam("kind") String kind,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams q = QueryParams.of(uri, vocabulary, "bucket", "mode", "from", "to", "kind");
        Bucket periods = Bucket.valueOf(q.oneOf("bucket", "month", List.of("month", "quarter", "year"))
                .toUpperCase(Locale.ROOT));
        boolean cumulative = "cumulative".equals(q.oneOf("mode", "per-period", List.of("per-period", "cumulative")));
        LocalDate first = q.date("from");
        LocalDate last = q.date("to");
        LocalDate end = last == null ? Calendar.today() : last;
        // Without from, the series starts with the register, or with the period of an earlier 'to'.
        LocalDate start = first != null ? first
                : Calendar.REGISTER_START.isAfter(end) ? periods.startOf(end) : Calendar.REGISTER_START;
        String kindFilter = q.kind();
        // The range is judged only when bucket, from and to are each valid: otherwise it would be a guess.
        if (q.valid("bucket", "from", "to") && q.checkOrder(start, end) && periods.periods(start, end) > 400) {
            q.reject("from", "and 'to' span more than 400 " + periods.name().toLowerCase(Locale.ROOT)
                    + "s; narrow the range or use a longer bucket");
        }
        q.throwIfInvalid();
        return conditional.respond(uri, headers, () -> trends.trends(periods, cumulative, start, end, kindFilter));
    }

    @GET
    @Path("/organizations")
    @Operation(operationId = "getInsightsOrganizations", summary = "Top organizations by filings, with their category mix",
            description = "Current counts (rankings take no asOf).")
    @APIResponse(responseCode = "200", description = "Ranked organizations", content = @Content(
            schema = @Schema(implementation = OrganizationsView.class), examples = @ExampleObject(name = "organizations",
            value = "{\"kind\":null,\"limit\":10,\"organizations\":[{\"rank\":1,\"organizationId\":7,\"legalName\":"
                    + "\"北京面壁智能科技有限责任公司\",\"nameEn\":null,\"count\":3,\"byKind\":{\"FILING\":3,"
                    + "\"REGISTRATION\":0},\"categories\":[{\"category\":\"TEXT\",\"count\":3,\"share\":1.0}]}],"
                    + WATERMARK + "}")))
    public Response organizations(
            @Parameter(description = "Rank by filings of this kind only; default both") @QueryParam("kind") String kind,
            @Parameter(description = "How many (1..100)", schema = @Schema(defaultValue = "10", minimum = "1",
                    maximum = "100")) @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams q = QueryParams.of(uri, vocabulary, "kind", "limit");
        String kindFilter = q.kind();
        int top = q.integer("limit", 10, 1, 100);
        q.throwIfInvalid();
        return conditional.respond(uri, headers, () -> rankings.organizations(kindFilter, top));
    }

    @GET
    @Path("/matrix")
    @Operation(operationId = "getInsightsMatrix", summary = "Category x jurisdiction cross-tab of filings")
    @APIResponse(responseCode = "200", description = "The cross-tab", content = @Content(
            schema = @Schema(implementation = MatrixView.class), examples = @ExampleObject(name = "matrix", value =
            "{\"filters\":{\"kind\":null,\"jurisdiction\":null,\"from\":null,\"to\":null,\"asOf\":null},"
                    + "\"categories\":[\"TEXT\",\"IMAGE\",\"AUDIO\",\"VIDEO\",\"CODE\",\"MULTIMODAL\"],\"rows\":"
                    + "[{\"jurisdiction\":\"CN-BJ\",\"nameZh\":\"北京市\",\"nameEn\":\"Beijing\",\"counts\":{\"TEXT\":6,"
                    + "\"IMAGE\":0,\"AUDIO\":0,\"VIDEO\":0,\"CODE\":0,\"MULTIMODAL\":0},\"filings\":6}],"
                    + "\"unknownJurisdiction\":{\"jurisdiction\":null,\"nameZh\":null,\"nameEn\":null,\"counts\":"
                    + "{\"TEXT\":27},\"filings\":27},\"categoryTotals\":{\"TEXT\":49}," + WATERMARK + "}")))
    public Response matrix(
            @Parameter(description = KIND) @QueryParam("kind") String kind,
            @Parameter(description = "First filing date counted") @QueryParam("from") String from,
            @Parameter(description = "Last filing date counted") @QueryParam("to") String to,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Filters filters = QueryParams.of(uri, vocabulary, "kind", "from", "to", "asOf").filters(false);
        return conditional.respond(uri, headers, () -> breakdowns.matrix(filters));
    }

    @GET
    @Path("/lineage")
    @Operation(operationId = "getInsightsLineage", summary = "Base filings most built upon by registrations",
            description = "Current counts (rankings take no asOf).")
    @APIResponse(responseCode = "200", description = "Ranked base filings", content = @Content(
            schema = @Schema(implementation = LineageView.class), examples = @ExampleObject(name = "lineage", value =
            "{\"limit\":10,\"registrations\":3,\"registrationsWithBase\":2,\"bases\":[{\"rank\":1,\"filingId\":1,"
                    + "\"filingNumber\":\"Beijing-WenXinYiYan-20230821\",\"name\":\"文心一言\",\"nameEn\":\"ERNIE Bot\","
                    + "\"organizationId\":7,\"organizationName\":\"北京百度网讯科技有限公司\",\"organizationNameEn\":"
                    + "\"Baidu\",\"registrations\":2}]," + WATERMARK + "}")))
    public Response lineage(
            @Parameter(description = "How many (1..100)", schema = @Schema(defaultValue = "10", minimum = "1",
                    maximum = "100")) @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams q = QueryParams.of(uri, vocabulary, "limit");
        int top = q.integer("limit", 10, 1, 100);
        q.throwIfInvalid();
        return conditional.respond(uri, headers, () -> rankings.lineage(top));
    }

    @GET
    @Path("/weights")
    @Operation(operationId = "getInsightsWeights", summary = "Share of open-weights, API-only, closed and unknown services")
    @APIResponse(responseCode = "200", description = "Weights access shares", content = @Content(
            schema = @Schema(implementation = WeightsView.class), examples = @ExampleObject(name = "weights", value =
            "{\"filters\":{\"kind\":null,\"jurisdiction\":null,\"from\":null,\"to\":null,\"asOf\":null},\"filings\":49,"
                    + "\"weights\":[{\"access\":\"OPEN\",\"count\":2,\"share\":0.0408},{\"access\":\"API_ONLY\","
                    + "\"count\":0,\"share\":0.0},{\"access\":\"CLOSED\",\"count\":1,\"share\":0.0204},{\"access\":"
                    + "\"UNKNOWN\",\"count\":46,\"share\":0.9388}]," + WATERMARK + "}")))
    public Response weights(
            @Parameter(description = KIND) @QueryParam("kind") String kind,
            @Parameter(description = "First filing date counted") @QueryParam("from") String from,
            @Parameter(description = "Last filing date counted") @QueryParam("to") String to,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        Filters filters = QueryParams.of(uri, vocabulary, "kind", "from", "to", "asOf").filters(false);
        return conditional.respond(uri, headers, () -> breakdowns.weights(filters));
    }

    @GET
    @Path("/coverage")
    @Operation(operationId = "getInsightsCoverage", summary = "Registry counts against officially announced totals",
            description = "For each announced as-of date: filings and registrations in the registry with a filing "
                    + "date up to it, and their percentage of the announced cumulative totals.")
    @APIResponse(responseCode = "200", description = "Coverage per announced date, oldest first", content = @Content(
            schema = @Schema(implementation = CoverageView.class), examples = @ExampleObject(name = "coverage", value =
            "{\"points\":[{\"asOf\":\"2023-08-31\",\"officialFilings\":8,\"officialRegistrations\":null,"
                    + "\"approximate\":false,\"status\":\"registry-derived\",\"registryFilings\":8,"
                    + "\"registryRegistrations\":0,\"filingsPercent\":100.0,\"registrationsPercent\":null}],"
                    + WATERMARK + "}")))
    public Response coverage(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams.of(uri, vocabulary).throwIfInvalid();
        return conditional.respond(uri, headers, coverage::coverage);
    }
}
