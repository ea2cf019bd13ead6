package dev.beian.registry.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "WebhookDeliveryPage")
public record DeliveryPage(List<DeliveryView> items, int limit, String nextCursor) {
}
