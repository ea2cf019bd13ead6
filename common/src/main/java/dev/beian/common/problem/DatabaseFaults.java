package dev.beian.common.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, pool exhausted) from a
 * request that failed for its own reasons. The first is the server's condition, temporary and not the
 * client's fault: it is answered 503 with {@code Retry-After}, never 500.
 */
public final class DatabaseFaults {

    /** Seconds a client is asked to wait; an embedded server restarts within a few. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseFaults() {
    }

    /**
     * Whether {@code failure}, or anything in its cause chain, says the database is unavailable: SQLState class
     * 08 (connection exception), 57P01-57P03 (administrator or crash shutdown, cannot connect now), a refused
     * connection, or the pool's timeout waiting for a connection.
     */
    public static boolean unavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && unavailableState(sql)) {
                return true;
            }
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
            // Agroal reports a pool that found no connection in time without an SQLState.
            String message = next.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
            if (next.getNextException() == next) {
                break;
            }
        }
        return false;
    }
}
