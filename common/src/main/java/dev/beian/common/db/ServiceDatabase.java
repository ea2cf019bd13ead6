package dev.beian.common.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides, before Quarkus starts, which PostgreSQL a service uses: the server named by
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (with {@code QUARKUS_DATASOURCE_USERNAME} and
 * {@code QUARKUS_DATASOURCE_PASSWORD}) when one is configured, otherwise an embedded server of its own whose
 * data lives under {@code BEIAN_DATA_DIR} (default {@code .data}) and survives restarts.
 */
public final class ServiceDatabase implements AutoCloseable {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";

    private final EmbeddedDatabase embedded;

    private ServiceDatabase(EmbeddedDatabase embedded) {
        this.embedded = embedded;
    }

    /**
     * @param service the service's database name, also the name of its folder under the data directory
     */
    public static ServiceDatabase startEmbeddedUnlessConfigured(String service) {
        Optional<String> configuredUrl = setting(JDBC_URL_PROPERTY);
        if (configuredUrl.isPresent()) {
            System.out.printf("[%s] Using the configured PostgreSQL server %s%n", service, configuredUrl.get());
            return new ServiceDatabase(null);
        }
        Path dataRoot = Path.of(setting("beian.data-dir").orElse(".data")).toAbsolutePath().normalize();
        // The major version is part of the path: a data directory cannot be opened by another major version.
        Path dataDirectory = dataRoot.resolve(service).resolve("pg16");
        int port = setting("beian.embedded-db.port").map(Integer::parseInt).orElse(0);
        EmbeddedDatabase database = EmbeddedDatabase.startPersistent(dataDirectory, service, port);
        System.setProperty(JDBC_URL_PROPERTY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", database.username());
        System.setProperty("quarkus.datasource.password", database.password());
        System.out.printf("[%s] Embedded PostgreSQL 16 on 127.0.0.1:%d, data stored in %s (set BEIAN_DATA_DIR to move it)%n",
                service, database.port(), dataDirectory);
        ServiceDatabase serviceDatabase = new ServiceDatabase(database);
        EmbeddedDatabaseShutdown.register(serviceDatabase::stopEmbedded);
        return serviceDatabase;
    }

    /** Reads a setting the way Quarkus would: system property first, then its environment variable form. */
    static Optional<String> setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** Stops the embedded server, if this service runs one; also reached from Quarkus' shutdown. */
    @Override
    public void close() {
        EmbeddedDatabaseShutdown.closeRegistered();
    }

    private void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            System.out.println("Embedded PostgreSQL stopped");
        }
    }
}
