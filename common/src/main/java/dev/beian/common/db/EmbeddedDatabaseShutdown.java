package dev.beian.common.db;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops the service's embedded PostgreSQL as the last step of Quarkus' shutdown. Code after
 * {@code Quarkus.run} in main does not run when the JVM stops on SIGTERM or Ctrl-C, and zonky's own shutdown
 * hook would race Quarkus', so the server is closed here, after every other shutdown observer.
 * Holds an {@link AutoCloseable} rather than the zonky-backed type, so services without an embedded
 * database (the gateway) never load zonky's classes.
 */
@ApplicationScoped
public class EmbeddedDatabaseShutdown {

    private static final AtomicReference<AutoCloseable> RUNNING = new AtomicReference<>();

    static void register(AutoCloseable database) {
        RUNNING.set(database);
    }

    /** Closes the registered database once, whoever asks first. */
    static void closeRegistered() {
        AutoCloseable database = RUNNING.getAndSet(null);
        if (database != null) {
            try {
                database.close();
            } catch (Exception e) {
                System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
            }
        }
    }

    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        closeRegistered();
    }
}
