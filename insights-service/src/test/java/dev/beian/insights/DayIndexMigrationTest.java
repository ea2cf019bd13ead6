package dev.beian.insights;

import dev.beian.insights.domain.DayIndex;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Upgrading stored insights to V4 (the day index reaching back before 2020), with Flyway on a schema of its
 * own: counters written with the V3 index re-base exactly onto the current one, and insights holding an
 * early date (counted on 2020-01-01 until then) are cleared for a replay of the feed instead.
 */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class DayIndexMigrationTest {

    private static final LocalDate V3_FIRST = LocalDate.of(2020, 1, 1);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void v3CountersReBaseExactlyOntoTheCurrentIndex() throws SQLException {
        String schema = "upgrade_rebase";
        migrate(schema, "3");
        Random random = new Random(3);
        Map<Integer, Long> expected = new HashMap<>();
        Map<Integer, Long> v3Nodes = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            LocalDate date = i % 10 == 0 ? null : V3_FIRST.plusDays(random.nextInt(2500));
            long delta = 1 + random.nextInt(3);
            for (int node = v3Slot(date); node <= 1 << 14; node += Integer.lowestOneBit(node)) {
                v3Nodes.merge(node, delta, Long::sum);
            }
            for (int node : DayIndex.updateNodes(DayIndex.slot(date))) {
                expected.merge(node, delta, Long::sum);
            }
        }
        LocalDate orgFirst = LocalDate.of(2023, 8, 31);
        in(schema, (c, s) -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO counter_node (metric, node, dim1, dim2, dim3, n) VALUES ('fk', ?, 'FILING', '', '', ?)")) {
                for (Map.Entry<Integer, Long> e : v3Nodes.entrySet()) {
                    insert.setInt(1, e.getKey());
                    insert.setLong(2, e.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("INSERT INTO organization_stats (organization_id, filings, first_slot) VALUES (7, 2, "
                    + v3Slot(orgFirst) + "), (8, 0, NULL)");
            s.execute("INSERT INTO organization_day (organization_id, slot, n) VALUES (7, " + v3Slot(orgFirst)
                    + ", 1), (7, " + v3Slot(null) + ", 1)");
            // Counted filings from 2020 on, and a deleted one from 2012 (it counts nowhere): nothing to replay.
            s.execute("INSERT INTO filing_projection (id, version, deleted, status_since, status_values, filing_date, "
                    + "categories) VALUES (1, 0, false, '{}', '{}', DATE '2023-08-31', '{}'), "
                    + "(2, 1, true, '{}', '{}', DATE '2012-05-05', '{}')");
            s.execute("INSERT INTO deployment_projection (id, version, deleted, since) VALUES (1, 0, false, DATE '2024-03-01')");
            s.execute("UPDATE follower_state SET feed_cursor = 'c-41', events_applied = 41, generation = 3");
        });

        migrate(schema, "latest");

        try {
            in(schema, (c, s) -> checkRebased(s, expected, orgFirst));
        } finally {
            drop(schema);
        }
    }

    private static void checkRebased(Statement s, Map<Integer, Long> expected, LocalDate orgFirst) throws SQLException {
        Map<Integer, Long> rebased = new HashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT node, n FROM counter_node WHERE metric = 'fk'")) {
            while (rs.next()) {
                rebased.put(rs.getInt(1), rs.getLong(2));
            }
        }
        assertEquals(expected, rebased);
        assertEquals(Map.of(DayIndex.slot(orgFirst), 1L, DayIndex.UNDATED, 1L),
                longs(s, "SELECT slot, n FROM organization_day WHERE organization_id = 7"));
        assertEquals(Map.of(7, (long) DayIndex.slot(orgFirst)),
                longs(s, "SELECT organization_id, first_slot FROM organization_stats WHERE first_slot IS NOT NULL"));
        try (ResultSet rs = s.executeQuery("SELECT feed_cursor, events_applied, generation FROM follower_state")) {
            rs.next();
            assertEquals("c-41", rs.getString(1));
            assertEquals(41, rs.getLong(2));
            assertEquals(3, rs.getInt(3));
        }
        s.execute("INSERT INTO counter_node (metric, node, dim1, dim2, dim3, n) VALUES ('fk', 32768, 'x', '', '', 1)");
        assertThrows(SQLException.class, () -> s.execute(
                "INSERT INTO counter_node (metric, node, dim1, dim2, dim3, n) VALUES ('fk', 32769, 'x', '', '', 1)"));
    }

    @Test
    void insightsHoldingAnEarlyDateAreClearedForAReplay() throws SQLException {
        for (String early : new String[] {"filing", "deployment"}) {
            String schema = "upgrade_replay_" + early;
            migrate(schema, "3");
            in(schema, (c, s) -> {
                s.execute("INSERT INTO filing_projection (id, version, deleted, status_since, status_values, filing_date, "
                        + "categories) VALUES (1, 0, false, '{}', '{}', DATE '"
                        + (early.equals("filing") ? "2015-06-01" : "2023-08-31") + "', '{}')");
                s.execute("INSERT INTO deployment_projection (id, version, deleted, since) VALUES (1, 0, false, DATE '"
                        + (early.equals("deployment") ? "2019-12-31" : "2024-03-01") + "')");
                s.execute("INSERT INTO counter_node (metric, node, dim1, dim2, dim3, n) VALUES ('fk', 1, 'FILING', '', '', 1)");
                s.execute("INSERT INTO organization_stats (organization_id, filings, first_slot) VALUES (7, 1, 1)");
                s.execute("INSERT INTO lineage_stats (base_filing_id, registrations) VALUES (1, 1)");
                s.execute("UPDATE follower_state SET feed_cursor = 'c-9', events_applied = 9, generation = 2");
            });

            migrate(schema, "latest");

            try {
                in(schema, (c, s) -> checkCleared(s, early));
            } finally {
                drop(schema);
            }
        }
    }

    private static void checkCleared(Statement s, String early) throws SQLException {
        for (String table : new String[] {"counter_node", "organization_stats", "organization_category",
                "organization_day", "lineage_stats", "filing_projection", "organization_projection",
                "deployment_projection"}) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                assertEquals(0, rs.getLong(1), early + ": " + table);
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT feed_cursor, events_applied, generation FROM follower_state")) {
            rs.next();
            assertNull(rs.getString(1), early);
            assertEquals(0, rs.getLong(2), early);
            assertEquals(3, rs.getInt(3), early);
        }
    }

    private interface Work {
        void run(Connection c, Statement s) throws SQLException;
    }

    /** Runs {@code work} with the schema as search path, reset afterwards: the connection goes back to the pool. */
    private void in(String schema, Work work) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            try {
                work.run(c, s);
            } finally {
                s.execute("RESET search_path");
            }
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    private void drop(String schema) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static Map<Integer, Long> longs(Statement s, String sql) throws SQLException {
        Map<Integer, Long> result = new HashMap<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                result.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return result;
    }

    /** The slot of a date in the index as it was until V3: 2020-01-01 was slot 1, 2^14 slots. */
    private static int v3Slot(LocalDate date) {
        if (date == null) {
            return 1 << 14;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(V3_FIRST, date);
        return (int) Math.max(1, Math.min((1 << 14) - 1, days + 1));
    }
}
