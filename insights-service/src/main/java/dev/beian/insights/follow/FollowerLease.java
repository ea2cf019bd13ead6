package dev.beian.insights.follow;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * The right to apply the change feed, held by one insights replica at a time: a session-level PostgreSQL
 * advisory lock in the insights database, taken on a connection of its own (not a pooled one, which would
 * keep the lock when handed back). The lock lives exactly as long as that session: when the process dies
 * (even by kill -9) or its connection is cut, PostgreSQL releases it and a waiting replica can take it.
 * <p>
 * A replica that loses the connection may not notice at once, so applying is fenced too: the transaction
 * that applies a batch checks, after locking the follower's state row, that this lock is still held by this
 * replica's session ({@link #holdsIn(Connection)}); a deposed replica's batch is then rolled back. (The state
 * row's cursor is also compared before applying, so even an unfenced batch cannot be applied twice.)
 */
@ApplicationScoped
public class FollowerLease {

    private static final Logger LOG = Logger.getLogger(FollowerLease.class);

    /** The advisory lock's two keys: "beia" and 1 (the change-feed follower). */
    static final int LOCK_CLASS = 0x62656961;
    static final int LOCK_ID = 1;
    /** PostgreSQL shows a two-key advisory lock in pg_locks with classid, objid and objsubid 2. */
    private static final String HOLDS = "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND classid = " + LOCK_CLASS + " AND objid = " + LOCK_ID + " AND objsubid = 2 AND granted AND pid = ?)";
    /** Seconds a check of the lock's connection may take before the connection counts as lost. */
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final String url;
    private final String user;
    private final String password;
    private final String name;
    private Connection connection;
    private volatile int sessionPid;
    private volatile boolean held;

    public FollowerLease(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.user = user.orElse("");
        this.password = password.orElse("");
        // Shown in pg_stat_activity: which replica's session holds the lock.
        this.name = "beian-insights-follower " + ProcessHandle.current().pid();
    }

    public boolean held() {
        return held;
    }

    /** The holder's session (backend process id), for tests and diagnostics; 0 when not held. */
    public int sessionPid() {
        return held ? sessionPid : 0;
    }

    /**
     * Takes the lock if no other replica holds it. While held, checks that its session is still alive; when
     * it is not (connection cut, database restarted, check timed out), the lock counts as lost.
     *
     * @return whether this replica holds the lock now
     */
    public synchronized boolean acquireOrCheck() {
        try {
            if (held) {
                try (Statement s = connection.createStatement()) {
                    s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
                    s.execute("SELECT 1");
                }
                return true;
            }
            if (connection == null || connection.isClosed()) {
                connection = open();
            }
            try (Statement s = connection.createStatement()) {
                s.setQueryTimeout(CHECK_TIMEOUT_SECONDS);
                try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_CLASS + ", " + LOCK_ID
                        + "), pg_backend_pid()")) {
                    rs.next();
                    sessionPid = rs.getInt(2);
                    held = rs.getBoolean(1);
                }
            }
            return held;
        } catch (SQLException e) {
            if (held) {
                LOG.warnf("The follower lock's database connection is lost (%s): no longer the active follower",
                        e.getMessage());
            } else {
                LOG.debugf("Cannot try the follower lock: %s", e.getMessage());
            }
            closeQuietly();
            return false;
        }
    }

    /**
     * Whether this replica's session still holds the lock, seen from {@code c}'s transaction. Call it after
     * locking the follower's state row, so that no other replica can apply between the check and the commit.
     */
    public boolean holdsIn(Connection c) throws SQLException {
        if (!held) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement(HOLDS)) {
            s.setInt(1, sessionPid);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Gives the lock up: ends its session, which releases it at once for another replica. */
    public synchronized void release() {
        closeQuietly();
    }

    /** Marks the lock lost after a fence check failed; ends the session so no stale lock remains. */
    public synchronized void lost() {
        if (held) {
            LOG.warn("This replica's follower lock is no longer held: no longer the active follower");
        }
        closeQuietly();
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", name);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private void closeQuietly() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            connection = null;
        }
    }
}
