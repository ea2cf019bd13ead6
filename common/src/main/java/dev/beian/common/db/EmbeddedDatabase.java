package dev.beian.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

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

/**
 * A real PostgreSQL server started from the binaries shipped in a Maven artifact (zonky), so that a fresh
 * machine needs no database server. Used as the services' zero-setup default and by the tests.
 *
 * <p>Settings differ from zonky's test-oriented defaults on purpose: {@code fsync} and
 * {@code synchronous_commit} are on (its defaults lose committed rows on a crash), and the cluster is
 * initialised with the {@code C.UTF-8} locale, because in a database whose LC_CTYPE is C text search over
 * Chinese names does not work.
 */
public final class EmbeddedDatabase implements Closeable {

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String databaseName;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String databaseName, Path dataDirectory) {
        this.postgres = postgres;
        this.databaseName = databaseName;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server whose data survives restarts, keeping its files in {@code dataDirectory}.
     * A server left running by a process that was killed is stopped first.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, String databaseName, int port) {
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory);
            return start(dataDirectory, false, databaseName, port == 0 ? freePort() : port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a throwaway server on a free port with a fresh data directory, deleted on close. */
    public static EmbeddedDatabase startThrowaway(String databaseName) {
        try {
            Path dir = Files.createTempDirectory("beian-test-pg-");
            return start(dir, true, databaseName, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a throwaway embedded PostgreSQL", e);
        }
    }

    private static EmbeddedDatabase start(Path dataDirectory, boolean throwaway, String databaseName, int port)
            throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(throwaway)
                // A persistent server is stopped by close() after Quarkus has shut down, not by zonky's own
                // hook, which could stop it while requests are still being finished.
                .setRegisterShutdownHook(throwaway)
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
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, databaseName, dataDirectory);
        database.createDatabaseIfMissing();
        return database;
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
        return postgres.getJdbcUrl(SUPERUSER, databaseName);
    }

    public String username() {
        return SUPERUSER;
    }

    /** The embedded superuser has no password; connections come over loopback with trust authentication. */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
