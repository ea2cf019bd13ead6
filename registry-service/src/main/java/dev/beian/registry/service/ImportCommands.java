package dev.beian.registry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.api.ImportReport;
import dev.beian.registry.importing.FilingImporter;
import dev.beian.registry.importing.ImportOptions;
import dev.beian.registry.importing.ImportProgress;
import dev.beian.registry.importing.ParsedInput;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs an import once per Idempotency-Key: the claim, the import and the stored report share a transaction.
 * An import job ({@link ImportJobRunner}) claims the key when the job is created, so a retry names the same job.
 */
@ApplicationScoped
public class ImportCommands {

    static final String SCOPE = "POST /api/v1/filings/import";

    private final FilingImporter importer;
    private final Idempotency idempotency;
    private final ImportJobs jobs;
    private final ObjectMapper json;

    public ImportCommands(FilingImporter importer, Idempotency idempotency, ImportJobs jobs, ObjectMapper json) {
        this.importer = importer;
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public Idempotency.StoredResponse run(ParsedInput input, ImportOptions options, String idempotencyKey,
                                          String requestHash, String actor) {
        Idempotency.checkKey(idempotencyKey);
        // A dry run writes nothing, so there is nothing to replay.
        String key = options.dryRun() ? null : idempotencyKey;
        return idempotency.once(SCOPE, actor, key, requestHash, () -> new Idempotency.StoredResponse(200,
                write(importer.importRows(input, options, actor, ImportProgress.NONE)), "application/json", null, null));
    }

    /** The job's row and, with a key, the 202 answer that a retry of the same request gets again. */
    @Transactional
    public Idempotency.StoredResponse createJob(long id, int rows, ImportOptions options, String idempotencyKey,
                                                String requestHash, String actor) {
        String key = options.dryRun() ? null : idempotencyKey;
        return idempotency.once(SCOPE, actor, key, requestHash, () -> new Idempotency.StoredResponse(202,
                write(jobs.create(id, rows, actor)), "application/json", ImportJobs.PATH + id, null));
    }

    /** Runs a job's import; the job's report is committed with its rows. */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportReport runJob(long id, ParsedInput input, ImportOptions options, String actor, ImportProgress progress) {
        ImportReport report = importer.importRows(input, options, actor, progress);
        if (!options.dryRun()) {
            jobs.succeeded(id, report);
        }
        return report;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
