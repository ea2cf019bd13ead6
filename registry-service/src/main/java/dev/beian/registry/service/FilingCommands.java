package dev.beian.registry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.api.FilingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Creates a filing once per Idempotency-Key: the claim, the create and the stored answer share a transaction. */
@ApplicationScoped
public class FilingCommands {

    static final String CREATE_SCOPE = "POST /api/v1/filings";

    private final FilingService filings;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    public FilingCommands(FilingService filings, Idempotency idempotency, ObjectMapper json) {
        this.filings = filings;
        this.idempotency = idempotency;
        this.json = json;
    }

    @Transactional
    public Idempotency.StoredResponse create(FilingInput input, String idempotencyKey, String actor) {
        return idempotency.once(CREATE_SCOPE, actor, idempotencyKey, Idempotency.hash(write(input)), () -> {
            FilingView view = filings.create(input, actor);
            return new Idempotency.StoredResponse(201, write(view), "application/json",
                    "/api/v1/filings/" + view.id(), ETags.of(view.version()));
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
