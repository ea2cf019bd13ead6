package dev.beian.registry.webhook;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A partial update: fields left out stay as they are; a filter given replaces the whole filter. */
@Schema(name = "WebhookUpdate")
public record WebhookUpdate(
        @Size(max = 2000) @Schema(example = "https://example.com/beian-hook-v2") String url,
        @Size(min = 1, max = 20) List<String> events,
        WebhookFilter filter,
        @Schema(description = "PAUSED to pause, ACTIVE to resume (also after FAILING; retries start afresh)", example = "PAUSED") WebhookStatus status) {
}
