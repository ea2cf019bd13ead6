package dev.beian.registry.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.feed.ChangeFeed;
import dev.beian.registry.feed.FeedCursor;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Sends one change event to one subscription, signed with its current secrets, and logs the attempt. */
@ApplicationScoped
public class EventDelivery {

    private final WebhookSender sender;
    private final WebhookStore store;
    private final ObjectMapper json;

    public EventDelivery(WebhookSender sender, WebhookStore store, ObjectMapper json) {
        this.sender = sender;
        this.store = store;
        this.json = json;
    }

    /** The webhook-id: the same for every attempt at this event for this subscription, so receivers can deduplicate. */
    static String messageId(FeedCursor event, long subscriptionId) {
        return "msg_" + event.seq() + "_" + subscriptionId;
    }

    /** The logged attempt; empty when the subscription was deleted meanwhile. */
    java.util.Optional<DeliveryView> deliver(WebhookStore.Subscription subscription, ChangeFeed.Event event, int attempt, boolean redelivery) {
        FeedCursor position = FeedCursor.decode(event.cursor());
        String id = messageId(position, subscription.id());
        byte[] body;
        try {
            body = json.writeValueAsBytes(event); // the event exactly as GET /api/v1/changes shows it
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise change event", e);
        }
        WebhookSender.Attempt outcome = sender.send(subscription.url(), subscription.signingSecrets(Instant.now()), id, body);
        return store.logDelivery(subscription.id(), id, event.type(), position, attempt, redelivery, outcome);
    }
}
