package dev.beian.registry.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.api.ImportJobView;
import dev.beian.registry.api.ImportReport;
import dev.beian.registry.config.RegistryConfig;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.importing.CsvRowReader;
import dev.beian.registry.importing.ImportOptions;
import dev.beian.registry.importing.NdjsonRowReader;
import dev.beian.registry.importing.ParsedInput;
import dev.beian.registry.importing.UploadReader;
import dev.beian.registry.service.ImportCommands;
import dev.beian.registry.service.ImportJobRunner;
import dev.beian.registry.service.Idempotency;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

@Path("/api/v1/filings/import")
@Tag(name = "Filings")
public class ImportResource {

    private final ImportCommands imports;
    private final ImportJobRunner jobs;
    private final RegistryConfig config;
    private final ObjectMapper json;

    public ImportResource(ImportCommands imports, ImportJobRunner jobs, RegistryConfig config, ObjectMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.config = config;
        this.json = json;
    }

    @POST
    @Consumes({Headers.CSV, Headers.NDJSON, "application/jsonl"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importFilings", summary = "Import a published list (CSV) or JSON Lines",
            description = "CSV with the CAC's headers (序号, 属地, 模型名称/服务名称, 备案单位, 备案号/上线编号, 备案时间; dates like 2023/8/31) "
                    + "or their English equivalents, as the CSV export writes them. Rows are upserted by filing number, else by kind and list number; "
                    + "organizations are resolved by name. Known defects of the published lists are reported per row. "
                    + "`dryRun=true` writes nothing; `mode=all-or-nothing` refuses the whole upload (422) if any row is rejected. "
                    + "An `Idempotency-Key` makes retries safe: a retry returns the first report, marked `Idempotent-Replayed: true`. "
                    + "With `Prefer: respond-async` the upload is checked for readability, then imported as a job: 202 with `Location` "
                    + "of the job (`/api/v1/imports/{id}`), which shows progress and then the same report (or the problem); "
                    + "`Preference-Applied: respond-async` confirms it. Use it for large lists, which take longer than a gateway waits.")
    @RequestBody(content = {
            @Content(mediaType = Headers.CSV, example = "序号,属地,模型名称,备案单位,备案号,备案时间\n1,北京,文心一言,北京百度网讯科技有限公司,Beijing-WenXinYiYan-20230821,2023/8/31\n"),
            // One FilingInput-shaped JSON object per line (an example here would be read as a single object).
            @Content(mediaType = Headers.NDJSON, schema = @Schema(type = SchemaType.STRING, description = "One filing per line, with the fields of FilingInput"))})
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "Imported as a job (Prefer: respond-async): follow Location", content = @Content(schema = @Schema(implementation = ImportJobView.class)))
    @APIResponse(responseCode = "400", description = "Unreadable upload or invalid parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Upload too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither CSV nor JSON Lines", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "All-or-nothing import with rejected rows, or Idempotency-Key reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importFilings(InputStream body, @Context UriInfo uriInfo, @Context HttpHeaders headers,
                                  @Parameter(description = "Kind of rows that do not say; default from the headers (上线编号 = REGISTRATION), else FILING") @QueryParam("kind") String kind,
                                  @Parameter(description = "Publication batch to stamp on rows that give none", example = "2025-03 Attachment 7") @QueryParam("batch") String batch,
                                  @Parameter(description = "Provenance: the list's name", example = "CAC generative AI filing list") @QueryParam("sourceList") String sourceList,
                                  @Parameter(description = "Provenance: where the list was published") @QueryParam("sourceUrl") String sourceUrl,
                                  @Parameter(description = "Check and report only; write nothing") @QueryParam("dryRun") String dryRun,
                                  @Parameter(description = "best-effort (default): import the good rows; all-or-nothing: any rejected row refuses the upload") @QueryParam("mode") String mode,
                                  @Parameter(description = "Makes retries safe") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                  @Parameter(description = "`respond-async` runs the import as a job (202)", example = "respond-async") @HeaderParam(Preferences.HEADER) String prefer,
                                  @Parameter(hidden = true) @HeaderParam(Headers.ACTOR) String actor) {
        QueryParams.onlyKnown(uriInfo, Set.of("kind", "batch", "sourceList", "sourceUrl", "dryRun", "mode"));
        long max = config.importing().maxBytes();
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > max) {
            throw UploadReader.tooLarge(max);
        }
        ImportOptions options = new ImportOptions(QueryParams.enumValue("kind", kind, FilingKind.class),
                QueryParams.text("batch", batch, 100), QueryParams.text("sourceList", sourceList, 200),
                QueryParams.text("sourceUrl", sourceUrl, 500), bool("dryRun", dryRun), allOrNothing(mode));
        byte[] upload = UploadReader.readLimited(body, max);
        String text = utf8(upload);
        boolean csv = headers.getMediaType() != null && headers.getMediaType().getSubtype().equalsIgnoreCase("csv");
        ParsedInput input = csv ? CsvRowReader.read(new java.io.StringReader(text))
                : NdjsonRowReader.read(new java.io.StringReader(text), json);
        String requestHash = Idempotency.hash(uriInfo.getRequestUri().getRawQuery() + "\n" + text);
        if (Preferences.respondAsync(prefer)) {
            Idempotency.StoredResponse answer = jobs.submit(input, options, idempotencyKey, requestHash, Headers.actor(actor));
            Response response = Responses.stored(answer);
            return answer.status() == 202
                    ? Response.fromResponse(response).header(Preferences.APPLIED, Preferences.RESPOND_ASYNC).build()
                    : response;
        }
        return Responses.stored(imports.run(input, options, idempotencyKey, requestHash, Headers.actor(actor)));
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The upload is not UTF-8 text; save the list as UTF-8 CSV");
        }
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalidParameter(name, "must be true or false");
        };
    }

    private static boolean allOrNothing(String mode) {
        if (mode == null || mode.isBlank() || mode.strip().equals("best-effort")) {
            return false;
        }
        if (mode.strip().equals("all-or-nothing")) {
            return true;
        }
        throw ProblemException.invalidParameter("mode", "must be best-effort or all-or-nothing");
    }
}
