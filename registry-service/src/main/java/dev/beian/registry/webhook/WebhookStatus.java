package dev.beian.registry.webhook;

/** Whether the dispatcher delivers to a subscription; FAILING is set by it once the retries are spent. */
public enum WebhookStatus {
    ACTIVE, PAUSED, FAILING
}
