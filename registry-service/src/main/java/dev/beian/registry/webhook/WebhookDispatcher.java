package dev.beian.registry.webhook;

import dev.beian.common.problem.ProblemException;
import dev.beian.registry.feed.ChangeFeed;
import dev.beian.registry.feed.ChangeNotifier;
import dev.beian.registry.feed.FeedCursor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the change feed to subscriptions, at least once and in order per subscription. Each subscription
 * is a follower of the feed with its own cursor in the database; its events are read through
 * {@link ChangeFeed} (so only released events, in the feed's order), sent one at a time, and the cursor moves
 * only after a 2xx answer. A failure stops that subscription until its retry is due. Across replicas a
 * PostgreSQL advisory lock per subscription lets one dispatcher work on it at a time; the lock belongs to the
 * worker's session, so a crashed replica's locks vanish with its connections.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** First key of the two-part advisory lock: "WHKS", so as not to collide with other advisory locks. */
    private static final int LOCK_SPACE = 0x57484B53;
    private static final int BATCH = 100;

    private final ChangeFeed feed;
    private final ChangeNotifier notifier;
    private final WebhookStore store;
    private final EventDelivery delivery;
    private final WebhookConfig config;
    private final AgroalDataSource dataSource;
    /** Subscriptions being worked on here, each with a flag "look again": new events came during the run. */
    private final ConcurrentHashMap<Long, AtomicBoolean> running = new ConcurrentHashMap<>();
    private volatile boolean active;
    private Thread scanner;
    private ExecutorService workers;

    public WebhookDispatcher(ChangeFeed feed, ChangeNotifier notifier, WebhookStore store, EventDelivery delivery,
                             WebhookConfig config, AgroalDataSource dataSource) {
        this.feed = feed;
        this.notifier = notifier;
        this.store = store;
        this.delivery = delivery;
        this.config = config;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcherEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts scanning; also how tests bring a stopped dispatcher back, as a restarted replica would. */
    public synchronized void start() {
        if (active) {
            return;
        }
        active = true;
        workers = Executors.newFixedThreadPool(config.workers(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        scanner = new Thread(this::scan, "webhook-dispatcher");
        scanner.setDaemon(true);
        scanner.start();
    }

    /**
     * Stops at once, as a crash would: attempts in flight are abandoned and their cursors stay where they were,
     * so the events are sent again after {@link #start()} (at least once).
     */
    public synchronized void stop() {
        active = false;
        if (scanner != null) {
            scanner.interrupt();
            workers.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.clear();
            scanner = null;
        }
    }

    private void scan() {
        boolean failing = false;
        while (active) {
            long seen = notifier.version();
            try {
                for (long id : store.due()) {
                    schedule(id);
                }
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) { // once per outage
                    LOG.warnf("Webhook dispatcher cannot read subscriptions (%s); retrying", e.getMessage());
                }
                failing = true;
            }
            // Woken by each committed change; the interval covers retries falling due and events that an older
            // transaction held back.
            notifier.awaitChangeAfter(seen, config.pollInterval());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private void schedule(long id) {
        AtomicBoolean fresh = new AtomicBoolean(false);
        AtomicBoolean again = running.compute(id, (key, current) -> {
            if (current == null) {
                return fresh;
            }
            current.set(true);
            return current;
        });
        if (again == fresh) {
            workers.execute(() -> work(id, fresh));
        }
    }

    private void work(long id, AtomicBoolean again) {
        try {
            do {
                again.set(false);
                drain(id);
            } while (active && running.compute(id, (key, flag) -> flag != null && flag.get() ? flag : null) != null);
        } catch (RuntimeException e) {
            running.remove(id);
            if (active) {
                LOG.warnf("Webhook %d: delivery paused until the next scan (%s)", id, e.getMessage());
            }
        } catch (Error e) {
            running.remove(id);
            throw e;
        }
    }

    /** Delivers the subscription's pending events in order, as long as they succeed, under its advisory lock. */
    void drain(long id) {
        try (Connection lockSession = dataSource.getConnection()) {
            if (!lock(lockSession, "pg_try_advisory_lock", id)) {
                return; // another replica is on it
            }
            try {
                while (active && deliverBatch(id)) {
                    // next batch
                }
            } finally {
                lock(lockSession, "pg_advisory_unlock", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock webhook " + id, e);
        }
    }

    /** One batch of events after the cursor; true when all went out and there may be more. */
    private boolean deliverBatch(long id) {
        Optional<WebhookStore.Subscription> found = dueSubscription(id);
        if (found.isEmpty()) {
            return false;
        }
        ChangeFeed.Batch batch = feed.read(found.get().cursor(), BATCH, Duration.ZERO);
        FeedCursor skipped = null;
        for (ChangeFeed.Event event : batch.events()) {
            FeedCursor position = FeedCursor.decode(event.cursor());
            WebhookStore.Subscription subscription = found.get();
            if (!subscription.events().contains(event.type()) || !subscription.filter().matches(event)) {
                skipped = position;
                continue;
            }
            if (!active) {
                break; // stopped: what was skipped is skipped again after the restart
            }
            if (skipped != null) {
                store.advance(id, skipped);
                skipped = null;
            }
            Optional<DeliveryView> sent = delivery.deliver(subscription, event, subscription.failedAttempts() + 1, false);
            if (sent.isEmpty()) {
                return false; // deleted while the attempt was under way
            }
            if (!sent.get().succeeded()) {
                retryLater(subscription);
                return false;
            }
            store.advance(id, position);
            // Re-read before the next event: a pause, an edit or a delete applies from the next delivery on.
            found = dueSubscription(id);
            if (found.isEmpty() || !active) {
                return false;
            }
        }
        if (skipped != null && active) {
            store.advance(id, skipped);
        }
        return batch.events().size() == BATCH;
    }

    private Optional<WebhookStore.Subscription> dueSubscription(long id) {
        return store.find(id).filter(s -> s.status() == WebhookStatus.ACTIVE && !s.nextAttemptAt().isAfter(Instant.now()));
    }

    private void retryLater(WebhookStore.Subscription subscription) {
        int failed = subscription.failedAttempts() + 1;
        Instant now = Instant.now();
        Instant first = subscription.firstFailureAt() == null ? now : subscription.firstFailureAt();
        List<Duration> schedule = config.retrySchedule();
        if (failed > schedule.size()) {
            LOG.warnf("Webhook %d: %d attempts failed since %s; marked failing and paused", subscription.id(), failed, first);
            store.failed(subscription.id(), failed, first, now, true);
        } else {
            store.failed(subscription.id(), failed, first, now.plus(withJitter(schedule.get(failed - 1))), false);
        }
    }

    /** ±20%, so that subscribers failing together (one receiver behind many subscriptions) do not retry together. */
    static Duration withJitter(Duration wait) {
        double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }

    /** Sends a logged event once more, now, outside the ordered stream; the cursor does not move. */
    public DeliveryView redeliver(long subscriptionId, long deliveryId) {
        WebhookStore.Subscription subscription = store.find(subscriptionId)
                .orElseThrow(() -> WebhookService.notFound(subscriptionId));
        WebhookStore.Delivery logged = store.delivery(subscriptionId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("Delivery", deliveryId));
        // The feed hands out the event right after (txid, seq - 1): the logged one, unless it was pruned.
        FeedCursor before = new FeedCursor(logged.event().txid(), logged.event().seq() - 1);
        ChangeFeed.Event event = feed.read(before, 1, Duration.ZERO).events().stream()
                .filter(e -> FeedCursor.decode(e.cursor()).equals(logged.event()))
                .findFirst()
                .orElseThrow(() -> new ProblemException(410, "gone", "Gone",
                        "The event of delivery " + deliveryId + " is no longer in the change feed"));
        return delivery.deliver(subscription, event, logged.view().attempt() + 1, true)
                .orElseThrow(() -> WebhookService.notFound(subscriptionId));
    }

    private static boolean lock(Connection session, String function, long id) throws SQLException {
        try (PreparedStatement ps = session.prepareStatement("SELECT " + function + "(?, ?)")) {
            ps.setInt(1, LOCK_SPACE);
            ps.setInt(2, (int) id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
