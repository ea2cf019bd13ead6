package dev.beian.registry.importing;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refreshes the planner's statistics of the filing table after a large import has committed, in the
 * background: the list queries that follow a bulk load need a current picture of the table, but the import's
 * caller need not wait for it (about 0.8 s at a million filings). One refresh runs at a time; a request made
 * while one runs is folded into it.
 */
@ApplicationScoped
public class StatisticsRefresh {

    private static final Logger LOG = Logger.getLogger(StatisticsRefresh.class);

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    public StatisticsRefresh(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Analyzes the filing table once the current transaction has committed (nothing if it rolls back). */
    public void afterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    request();
                }
            }
        });
    }

    private void request() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::drain);
        }
    }

    private void drain() {
        do {
            try {
                while (wanted.getAndSet(false)) {
                    analyze();
                }
            } finally {
                running.set(false); // even if analyze() throws, so that later imports can refresh again
            }
            // A request that arrived between the last check and the release is served here.
        } while (wanted.get() && running.compareAndSet(false, true));
    }

    private void analyze() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE filing");
            LOG.debugf("ANALYZE filing after import: %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            // Only the planner's picture is late; autovacuum analyzes the table on its own schedule too.
            LOG.warnf("ANALYZE filing after import failed: %s", e.getMessage());
        }
    }
}
