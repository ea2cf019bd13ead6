package dev.beian.registry.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "WebhookPage")
public record WebhookPage(List<WebhookView> items, int limit, String nextCursor) {
}
