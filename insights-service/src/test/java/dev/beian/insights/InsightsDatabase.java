package dev.beian.insights;

import dev.beian.testsupport.PostgresTestResource;

/** The insights tests' PostgreSQL: throwaway embedded, or a fresh database on BEIAN_TEST_DB_URL. */
public class InsightsDatabase extends PostgresTestResource {
    public InsightsDatabase() {
        super("insights");
    }
}
