package dev.beian.testsupport;

import dev.beian.common.db.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database a service's tests run against: a throwaway embedded PostgreSQL by default, or a fresh
 * database on the server named by {@code BEIAN_TEST_DB_URL} (a JDBC URL to an administrative database such
 * as {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with {@code BEIAN_TEST_DB_USER} and
 * {@code BEIAN_TEST_DB_PASSWORD}). Either way the tests start from an empty schema.
 *
 * <p>Subclasses name the database: {@code new PostgresTestResource("registry")}.
 */
public abstract class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private final String databaseName;
    private EmbeddedDatabase embedded;

    protected PostgresTestResource(String databaseName) {
        this.databaseName = databaseName;
    }

    @Override
    public Map<String, String> start() {
        String serverUrl = System.getenv("BEIAN_TEST_DB_URL");
        if (serverUrl != null && !serverUrl.isBlank()) {
            return freshDatabaseOn(serverUrl, env("BEIAN_TEST_DB_USER", "postgres"), env("BEIAN_TEST_DB_PASSWORD", ""));
        }
        embedded = EmbeddedDatabase.startThrowaway(databaseName);
        System.out.printf("Tests use a throwaway embedded PostgreSQL 16 on port %d (%s)%n",
                embedded.port(), embedded.dataDirectory());
        return Map.of(
                "quarkus.datasource.jdbc.url", embedded.jdbcUrl(),
                "quarkus.datasource.username", embedded.username(),
                "quarkus.datasource.password", embedded.password());
    }

    private Map<String, String> freshDatabaseOn(String serverUrl, String user, String password) {
        String testDatabase = databaseName + "_test";
        try (Connection admin = DriverManager.getConnection(serverUrl, user, password);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + testDatabase + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + testDatabase
                    + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + testDatabase + " on " + serverUrl, e);
        }
        String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + testDatabase;
        System.out.printf("Tests use the configured PostgreSQL server, database %s%n", url);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /** The embedded server the tests run against; null when they use a configured server. */
    protected EmbeddedDatabase embedded() {
        return embedded;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
