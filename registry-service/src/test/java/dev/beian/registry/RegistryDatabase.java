package dev.beian.registry;

import dev.beian.common.db.EmbeddedDatabase;
import dev.beian.testsupport.PostgresTestResource;

import java.util.Map;

/**
 * The registry tests' PostgreSQL: throwaway embedded, or a fresh database on BEIAN_TEST_DB_URL. The embedded
 * server is published in {@link #current} so that fault tests can stop, start or kill it (and restore it).
 */
public class RegistryDatabase extends PostgresTestResource {

    static volatile EmbeddedDatabase current;

    public RegistryDatabase() {
        super("registry");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        current = embedded();
        return config;
    }

    @Override
    public void stop() {
        current = null;
        super.stop();
    }
}
