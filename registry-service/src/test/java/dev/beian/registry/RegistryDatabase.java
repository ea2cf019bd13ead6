package dev.beian.registry;

import dev.beian.testsupport.PostgresTestResource;

/** The registry tests' PostgreSQL: throwaway embedded, or a fresh database on BEIAN_TEST_DB_URL. */
public class RegistryDatabase extends PostgresTestResource {
    public RegistryDatabase() {
        super("registry");
    }
}
