package dev.beian.registry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.importing.FilingImporter;
import dev.beian.registry.importing.ImportOptions;
import dev.beian.registry.importing.ParsedInput;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Runs an import once per Idempotency-Key: the claim, the import and the stored report share a transaction. */
@ApplicationScoped
public class ImportCommands {

    static final String SCOPE = "POST /api/v1/filings/import";

    private final FilingImporter importer;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public ImportCommands(FilingImporter importer, Idempotency idempotency, ObjectMapper json) {
        this.importer = importer;
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
        return idempotency.once(SCOPE, key, requestHash, () -> new Idempotency.StoredResponse(200,
                write(importer.importRows(input, options, actor)), "application/json", null, null));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
