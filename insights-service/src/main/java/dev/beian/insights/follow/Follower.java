package dev.beian.insights.follow;

import dev.beian.insights.store.FollowerStateStore;

import dev.beian.insights.follow.ChangeBatch;
import dev.beian.insights.follow.ChangeFeedClient;
import dev.beian.insights.follow.FeedException;
import dev.beian.insights.config.InsightsConfig;
import dev.beian.insights.domain.Watermark;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Follows the registry's change feed on a background thread: long-polls for events after the stored cursor,
 * applies each batch with its cursor in one transaction, and on failure retries with exponential backoff.
 * It resumes from the stored cursor after a restart, and keeps polling through registry downtime.
 * <p>
 * With several replicas, only the one holding the {@link FollowerLease} applies; the others are standbys that
 * try to take the lease every {@code lease-check} and meanwhile take the stored watermark, so that their
 * answers follow the active one's. A second thread keeps the lease: it takes it, checks its connection, and
 * when the lease is lost ends the poll in flight; a batch still being applied is rolled back by the fence.
 */
@ApplicationScoped
public class Follower {

    private static final Logger LOG = Logger.getLogger(Follower.class);

    private final InsightsConfig config;
    private final ChangeFeedClient feed;
    private final ChangeApplier applier;
    private final FollowerStateStore stateStore;
    private final FollowerStatus status;
    private final AgroalDataSource dataSource;
    private final FollowerLease lease;
    private final Freshness freshness;
    /** One poll-and-apply at a time, whether from the background loop or a caller of {@link #catchUp()}. */
    private final ReentrantLock polling = new ReentrantLock();
    private Thread worker;
    private Thread leaseKeeper;
    private volatile boolean stopping;
    /** Set when the stored watermark moved under the active follower (a rebuild made on another replica). */
    private volatile boolean reloadRequested;

    public Follower(InsightsConfig config, ChangeFeedClient feed, ChangeApplier applier, FollowerStateStore stateStore,
                    FollowerStatus status, AgroalDataSource dataSource, FollowerLease lease, Freshness freshness) {
        this.config = config;
        this.feed = feed;
        this.applier = applier;
        this.stateStore = stateStore;
        this.status = status;
        this.dataSource = dataSource;
        this.lease = lease;
        this.freshness = freshness;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        reloadWatermark();
        if (config.follow().enabled()) {
            start();
        } else {
            LOG.info("Following the change feed is disabled (beian.insights.follow.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        stopping = false;
        status.running(true);
        worker = new Thread(this::run, "insights-follower");
        worker.setDaemon(true);
        leaseKeeper = new Thread(this::keepLease, "insights-follower-lease");
        leaseKeeper.setDaemon(true);
        leaseKeeper.start();
        worker.start();
        LOG.infof("Following the change feed of %s (applying while this replica holds the follower lock)",
                config.registryUrl());
    }

    public synchronized void stop() {
        if (worker == null) {
            return;
        }
        stopping = true;
        worker.interrupt();
        leaseKeeper.interrupt();
        feed.cancel();
        try {
            worker.join(10_000);
            leaseKeeper.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Ends the lock's session: a standby takes over at its next try, without waiting for this process to exit.
        lease.release();
        status.active(false);
        status.running(false);
        worker = null;
        leaseKeeper = null;
    }

    /** Ends a long-poll in flight, so the loop polls again at once (after a rebuild reset the cursor). */
    public void wake() {
        feed.cancel();
    }

    /**
     * Polls without waiting until a poll brings nothing new. Used by tests and tools that drive the follower
     * themselves; it fails instead of retrying.
     *
     * @return the number of events applied
     */
    public long catchUp() throws FeedException, InterruptedException, SQLException {
        long total = 0;
        int applied;
        do {
            applied = poll(0);
            total += Math.max(applied, 0);
        } while (applied != 0);
        return total;
    }

    private void run() {
        Duration backoff = config.follow().backoffInitial();
        boolean recovering = false;
        boolean active = false;
        try {
            while (!stopping) {
                if (!lease.held()) {
                    active = false;
                    Thread.sleep(50);
                    continue;
                }
                try {
                    if (!active || reloadRequested) {
                        // Just became the active follower (or a rebuild elsewhere reset the cursor): continue
                        // from what is stored, which another replica may have advanced.
                        reloadRequested = false;
                        reloadWatermark();
                        active = true;
                        recovering = true;
                    }
                    // After a failure, a poll that answers at once reports the registry back without waiting
                    // out a long-poll; then long-polling resumes.
                    poll(recovering ? 0 : config.follow().waitSeconds(), lease::holdsIn);
                    backoff = config.follow().backoffInitial();
                    recovering = false;
                } catch (FeedException e) {
                    if (stopping) {
                        break;
                    }
                    if (e.getCause() instanceof java.util.concurrent.CancellationException) {
                        continue; // woken up on purpose (rebuild, lease lost): look again at once
                    }
                    recovering = true;
                    status.polled(e.reachable(), false, e.getMessage());
                    LOG.warnf("Change feed poll failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                    pause(backoff);
                    backoff = next(backoff);
                } catch (ChangeApplier.Deposed e) {
                    LOG.warn("The follower lock was lost while applying a batch; it was rolled back");
                    lease.lost();
                    status.active(false);
                    active = false;
                } catch (SQLException | RuntimeException e) {
                    recovering = true;
                    status.polled(true, false, "Applying failed: " + e);
                    LOG.errorf(e, "Applying change events failed, retrying in %d ms", backoff.toMillis());
                    pause(backoff);
                    backoff = next(backoff);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Keeps the follower lease: every {@code lease-check}, a standby tries to take it (and meanwhile follows
     * the stored watermark); the active replica checks that its lock's connection is alive. Losing it ends the
     * poll in flight at once.
     */
    private void keepLease() {
        while (!stopping) {
            boolean was = lease.held();
            boolean held = lease.acquireOrCheck();
            if (held != was) {
                status.active(held);
                if (held) {
                    LOG.infof("This replica is now the active follower of the change feed (lock session %d)",
                            lease.sessionPid());
                } else {
                    feed.cancel();
                    LOG.warn("This replica is no longer the active follower; it waits to take over again");
                }
            }
            refreshShared(held);
            try {
                Thread.sleep(config.follow().leaseCheck().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * What replicas share through the database: a standby takes the stored watermark; the active follower
     * notices a rebuild made through another replica; every replica notices changed official totals.
     */
    private void refreshShared(boolean active) {
        try (Connection c = dataSource.getConnection()) {
            Watermark stored = stateStore.load(c);
            if (!active) {
                status.follow(stored);
            } else if (stored.generation() != status.watermark().generation()) {
                reloadRequested = true;
                feed.cancel();
            }
            freshness.totalsStored(stateStore.officialTotalsDigest(c));
        } catch (SQLException e) {
            LOG.debugf("Cannot read the shared follower state: %s", e.getMessage());
        }
    }

    /**
     * One poll and apply. Returns the events applied (0: nothing new), or -1 when the batch was dropped
     * because a rebuild moved the cursor meanwhile.
     */
    public int poll(int waitSeconds) throws FeedException, InterruptedException, SQLException {
        return poll(waitSeconds, ChangeApplier.Fence.NONE);
    }

    private int poll(int waitSeconds, ChangeApplier.Fence fence) throws FeedException, InterruptedException, SQLException {
        polling.lockInterruptibly();
        try {
            String after = status.watermark().cursor();
            int limit = config.follow().batchSize();
            ChangeBatch batch = feed.fetch(after, limit, waitSeconds);
            if (batch.events().isEmpty() && Objects.equals(batch.nextCursor(), after)) {
                status.polled(true, true, null);
                return 0;
            }
            Optional<Watermark> applied = applier.apply(after, batch, fence);
            if (applied.isEmpty()) {
                LOG.info("The stored cursor moved (rebuild); continuing from it");
                reloadWatermark();
                status.polled(true, false, null);
                return -1;
            }
            status.advanceTo(applied.get());
            // A short batch means the registry had nothing more at that moment (a registry may also cap batches
            // below the limit; then the next poll, answered at once, settles it).
            status.polled(true, batch.events().size() < limit, null);
            return batch.events().size();
        } finally {
            polling.unlock();
        }
    }

    /** Loads the stored watermark: where to resume after a restart or rebuild. */
    public void reloadWatermark() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            status.resetTo(stateStore.load(c));
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.follow().backoffMax()) > 0 ? config.follow().backoffMax() : doubled;
    }

    /** Sleeps for the backoff with up to 20% jitter, so many followers do not retry in step. */
    private static void pause(Duration backoff) throws InterruptedException {
        long millis = backoff.toMillis();
        Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis / 5 + 1));
    }
}
