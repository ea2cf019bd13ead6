package dev.beian.registry.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One attempt to deliver one event to one subscription. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(example = "118") long id,
        @Schema(description = "The webhook-id header: the same for every attempt of one event", example = "msg_4711_3") String messageId,
        @Schema(example = "filing.created") String eventType,
        @Schema(description = "The event's change-feed cursor") String eventCursor,
        @Schema(description = "1 for the first attempt at this event", example = "1") int attempt,
        @Schema(description = "Sent by the redeliver operation, outside the ordered stream") boolean redelivery,
        @Schema(description = "The receiver answered 2xx") boolean succeeded,
        @Schema(description = "HTTP status of the answer; null when none came", example = "200") Integer statusCode,
        @Schema(example = "42") int latencyMs,
        @Schema(description = "Start of the answer's body, at most 1 KiB") String responseExcerpt,
        @Schema(description = "Why no answer came (timeout, refused connection, refused target)") String error,
        Instant attemptedAt) {
}
