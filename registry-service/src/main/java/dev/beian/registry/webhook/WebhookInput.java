package dev.beian.registry.webhook;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new subscription. */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @NotNull @Size(max = 2000) @Schema(description = "http(s) URL the events are POSTed to", example = "https://example.com/beian-hook") String url,
        @NotEmpty @Size(max = 20) @Schema(description = "Event types to deliver", example = "[\"filing.created\", \"filing.status-changed\"]") List<@NotNull String> events,
        @Schema(description = "Optional: only events matching every criterion given") WebhookFilter filter) {
}
