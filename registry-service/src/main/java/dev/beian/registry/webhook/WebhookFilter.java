package dev.beian.registry.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.beian.registry.feed.ChangeFeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which events a subscription wants beyond their type; every criterion given must hold. Jurisdiction, kind
 * and category are fields of filings, so a subscription that sets one receives filing events only;
 * organization matches filings of that organization and the organization's own events. Deployment events
 * carry none of these fields and reach only subscriptions without a filter.
 */
@Schema(name = "WebhookFilter")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookFilter(
        @Schema(description = "Jurisdiction code of the filing", example = "CN-BJ") String jurisdiction,
        @Schema(description = "FILING or REGISTRATION", example = "FILING") String kind,
        @Schema(description = "A category the filing lists", example = "TEXT") String category,
        @Schema(description = "Organization id", example = "7") Long organization) {

    public static final WebhookFilter NONE = new WebhookFilter(null, null, null, null);

    public boolean isEmpty() {
        return jurisdiction == null && kind == null && category == null && organization == null;
    }

    public boolean matches(ChangeFeed.Event event) {
        if (isEmpty()) {
            return true;
        }
        JsonNode data = event.data();
        if (event.type().startsWith("filing.")) {
            return (jurisdiction == null || jurisdiction.equals(data.path("jurisdiction").asText(null)))
                    && (kind == null || kind.equals(data.path("kind").asText(null)))
                    && (category == null || contains(data.path("categories"), category))
                    && (organization == null || organization == data.path("organization").path("id").asLong(-1));
        }
        if (event.type().startsWith("organization.")) {
            return jurisdiction == null && kind == null && category == null
                    && organization == data.path("id").asLong(-1);
        }
        return false;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
