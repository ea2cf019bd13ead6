package dev.beian.registry.webhook;

import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.service.Cursors;
import dev.beian.registry.service.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** Subscriptions: checks what a client sends, keeps secrets out of every answer but the one that made them. */
@ApplicationScoped
public class WebhookService {

    private final WebhookStore store;
    private final TargetGuard guard;
    private final Vocabulary vocabulary;
    private final WebhookConfig config;

    public WebhookService(WebhookStore store, TargetGuard guard, Vocabulary vocabulary, WebhookConfig config) {
        this.store = store;
        this.guard = guard;
        this.vocabulary = vocabulary;
        this.config = config;
    }

    /** The new subscription with its secret, which no later answer shows again. */
    public WebhookView create(WebhookInput input, String actor) {
        List<String> events = checkEvents(input.events());
        WebhookFilter filter = checkFilter(input.filter());
        String url = guard.check(input.url()).toString();
        String secret = WebhookSignatures.newSecret();
        return store.insert(url, events, filter, secret, actor).view().withSecret(secret);
    }

    public WebhookView get(long id) {
        return find(id).view();
    }

    public WebhookPage list(String cursor, int limit) {
        long after = cursor == null ? 0 : Cursors.decodeId(cursor);
        List<WebhookStore.Subscription> rows = store.page(after, limit + 1);
        List<WebhookView> items = rows.stream().limit(limit).map(WebhookStore.Subscription::view).toList();
        String next = rows.size() > limit ? Cursors.encodeId(items.get(items.size() - 1).id()) : null;
        return new WebhookPage(items, limit, next);
    }

    public WebhookView update(long id, WebhookUpdate update) {
        WebhookStore.Subscription current = find(id);
        if (update.status() == WebhookStatus.FAILING) {
            throw ProblemException.invalidParameter("status", "must be ACTIVE or PAUSED; FAILING is set by the dispatcher");
        }
        String url = update.url() == null ? current.url() : guard.check(update.url()).toString();
        List<String> events = update.events() == null ? current.events() : checkEvents(update.events());
        WebhookFilter filter = update.filter() == null ? current.filter() : checkFilter(update.filter());
        WebhookStatus status = update.status() == null ? current.status() : update.status();
        return store.update(id, url, events, filter, status).orElseThrow(() -> notFound(id)).view();
    }

    /** A new secret, shown once; the old one keeps signing for the configured overlap. */
    public WebhookView rotateSecret(long id) {
        String secret = WebhookSignatures.newSecret();
        return store.rotate(id, secret, config.rotationOverlap()).orElseThrow(() -> notFound(id)).view().withSecret(secret);
    }

    public void delete(long id) {
        if (!store.delete(id)) {
            throw notFound(id);
        }
    }

    public DeliveryPage deliveries(long id, String cursor, int limit) {
        find(id);
        long before = cursor == null ? Long.MAX_VALUE : Cursors.decodeId(cursor);
        List<DeliveryView> rows = store.deliveries(id, before, limit + 1);
        List<DeliveryView> items = rows.stream().limit(limit).toList();
        String next = rows.size() > limit ? Cursors.encodeId(items.get(items.size() - 1).id()) : null;
        return new DeliveryPage(items, limit, next);
    }

    WebhookStore.Subscription find(long id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound("Webhook", id);
    }

    private static List<String> checkEvents(List<String> events) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String event : events) {
            if (!WebhookEvents.ALL.contains(event)) {
                errors.add(new Problem.FieldError("events", "'" + event + "' is not an event type; known: "
                        + String.join(", ", WebhookEvents.ALL)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }

    private WebhookFilter checkFilter(WebhookFilter filter) {
        if (filter == null) {
            return WebhookFilter.NONE;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (filter.jurisdiction() != null && !vocabulary.isJurisdiction(filter.jurisdiction())) {
            errors.add(new Problem.FieldError("filter.jurisdiction", "is not a jurisdiction code (see /api/v1/reference/jurisdictions)"));
        }
        if (filter.kind() != null && Arrays.stream(FilingKind.values()).noneMatch(k -> k.name().equals(filter.kind()))) {
            errors.add(new Problem.FieldError("filter.kind", "must be FILING or REGISTRATION"));
        }
        if (filter.category() != null && !vocabulary.isCategory(filter.category())) {
            errors.add(new Problem.FieldError("filter.category", "is not a category code (see /api/v1/reference/categories)"));
        }
        if (filter.organization() != null && filter.organization() <= 0) {
            errors.add(new Problem.FieldError("filter.organization", "must be a positive organization id"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return filter;
    }
}
