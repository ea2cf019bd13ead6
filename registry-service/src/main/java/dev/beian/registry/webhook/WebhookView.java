package dev.beian.registry.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it; {@code secret} only in the answer that created it. */
@Schema(name = "Webhook")
public record WebhookView(
        @Schema(example = "3") long id,
        @Schema(example = "https://example.com/beian-hook") String url,
        List<String> events,
        WebhookFilter filter,
        WebhookStatus status,
        @Schema(description = "Failed attempts at the oldest undelivered event", example = "0") int failedAttempts,
        @Schema(description = "When the oldest undelivered event is tried next, while retrying") Instant nextAttemptAt,
        @Schema(description = "Until when the previous secret still signs, after a rotation") Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Signing secret, shown once: in the create and rotate-secret answers only", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    WebhookView withSecret(String shownOnce) {
        return new WebhookView(id, url, events, filter, status, failedAttempts, nextAttemptAt,
                previousSecretExpiresAt, createdAt, updatedAt, shownOnce);
    }
}
