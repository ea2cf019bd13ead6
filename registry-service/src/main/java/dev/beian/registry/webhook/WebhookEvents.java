package dev.beian.registry.webhook;

import java.util.List;

/**
 * The event types a subscription may ask for: every type the change feed carries (written by the filing,
 * organization and deployment services, and by imports as {@code filing.created}/{@code organization.created}).
 */
public final class WebhookEvents {

    public static final List<String> ALL = List.of(
            "filing.created", "filing.updated", "filing.status-changed", "filing.deleted",
            "organization.created", "organization.updated", "organization.deleted",
            "deployment.created", "deployment.updated", "deployment.deleted");

    private WebhookEvents() {
    }
}
