package dev.beian.registry.feed;

import dev.beian.registry.service.ChangeEvents;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Listens on PostgreSQL's NOTIFY channel of the outbox with one dedicated connection and wakes the feed's
 * long-polling readers, so a follower sees a change within moments without polling the table.
 */
@ApplicationScoped
public class ChangeNotifier {

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);

    private final String url;
    private final String user;
    private final String password;
    private final Object monitor = new Object();
    private long version;
    private volatile boolean running;
    private volatile boolean draining;
    private Thread listener;

    public ChangeNotifier(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user.orElse("");
        this.password = password.orElse("");
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "change-feed-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * Shutdown began (SIGTERM; readiness is DOWN): long-polls waiting here answer at once with what they have,
     * so that in-flight requests end within the grace period and followers poll again, at another replica.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        draining = true;
        bump();
    }

    /** Whether the service is shutting down: long-polls no longer wait. */
    public boolean draining() {
        return draining;
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Increases whenever a notification arrives (or the listener reconnects, when one may have been missed). */
    public long version() {
        synchronized (monitor) {
            return version;
        }
    }

    /** Waits until the version moves past {@code seen}, or the timeout passes. */
    public void awaitChangeAfter(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            long remaining;
            while (version == seen && (remaining = deadline - System.nanoTime()) > 0) {
                try {
                    monitor.wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void bump() {
        synchronized (monitor) {
            version++;
            monitor.notifyAll();
        }
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + ChangeEvents.CHANNEL);
                if (lost) {
                    LOG.info("Change-feed listener reconnected");
                    lost = false;
                }
                bump();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        bump();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    // Once per outage, not once a second while the database is down.
                    if (!lost) {
                        LOG.warnf("Change-feed listener lost its connection (%s); reconnecting every second", e.getMessage());
                    } else {
                        LOG.debugf("Change-feed listener still cannot connect: %s", e.getMessage());
                    }
                    lost = true;
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
