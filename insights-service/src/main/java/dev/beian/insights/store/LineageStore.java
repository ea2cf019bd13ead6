package dev.beian.insights.store;

import dev.beian.insights.domain.DayIndex;
import dev.beian.insights.domain.Metric;
import dev.beian.insights.domain.Watermark;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How many registrations build on each base filing, for the lineage ranking. */
@ApplicationScoped
public class LineageStore {

    /** A base filing with its names (null when the base filing itself was never seen in the feed). */
    public record Base(long filingId, String filingNumber, String name, String nameEn, Long organizationId,
                       String organizationName, String organizationNameEn, long registrations) {
    }

    public void apply(Connection c, Map<Long, Integer> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        Map<Long, Integer> sorted = new TreeMap<>(deltas);
        // Insert missing rows at 0, then add: a CHECK is evaluated on a proposed INSERT row before ON CONFLICT.
        String sql = "FROM unnest(?::bigint[], ?::int[]) AS u(id, n)";
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO lineage_stats (base_filing_id, registrations) "
                + "SELECT id, 0 " + sql + " ON CONFLICT DO NOTHING");
             PreparedStatement update = c.prepareStatement("UPDATE lineage_stats l SET registrations = "
                     + "l.registrations + u.n " + sql + " WHERE l.base_filing_id = u.id")) {
            for (PreparedStatement s : List.of(insert, update)) {
                s.setArray(1, c.createArrayOf("bigint", sorted.keySet().toArray()));
                s.setArray(2, c.createArrayOf("integer", sorted.values().toArray()));
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM lineage_stats WHERE base_filing_id = ANY(?) "
                + "AND registrations = 0")) {
            s.setArray(1, c.createArrayOf("bigint", sorted.keySet().toArray()));
            s.executeUpdate();
        }
    }

    /** A ranking of base filings, the registration totals, and the watermark they reflect. */
    public record Ranking(Watermark watermark, long registrations, long registrationsWithBase, List<Base> bases) {
    }

    /** The most built-upon base filings and the registration totals, in one statement (one snapshot). */
    public Ranking top(Connection c, int limit) throws SQLException {
        String totals = "(SELECT COALESCE(sum(n), 0) FROM counter_node WHERE metric = '"
                + Metric.REGISTRATION_LINEAGE.code() + "' AND node = " + DayIndex.SIZE;
        String sql = "SELECT w.feed_cursor, w.applied_at, w.event_time, w.events_applied, w.generation, "
                + totals + "), " + totals + " AND dim1 = 'BASED'), "
                + "t.base_filing_id, t.filing_number, t.name, t.name_en, t.organization_id, t.organization_name, "
                + "t.organization_name_en, t.registrations FROM follower_state w LEFT JOIN LATERAL ("
                + "SELECT l.base_filing_id, f.filing_number, f.name, f.name_en, f.organization_id, "
                + "COALESCE(o.legal_name, f.organization_name) AS organization_name, "
                + "COALESCE(o.name_en, f.organization_name_en) AS organization_name_en, l.registrations "
                + "FROM (SELECT * FROM lineage_stats ORDER BY registrations DESC, base_filing_id LIMIT ?) l "
                + "LEFT JOIN filing_projection f ON f.id = l.base_filing_id "
                + "LEFT JOIN organization_projection o ON o.id = f.organization_id AND NOT o.deleted) t ON true "
                + "WHERE w.id = 1 ORDER BY t.registrations DESC, t.base_filing_id";
        Watermark watermark = Watermark.START;
        long registrations = 0;
        long withBase = 0;
        List<Base> bases = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    watermark = FollowerStateStore.watermark(rs);
                    registrations = rs.getLong(6);
                    withBase = rs.getLong(7);
                    if (rs.getObject(8) != null) {
                        bases.add(new Base(rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                (Long) rs.getObject(12), rs.getString(13), rs.getString(14), rs.getLong(15)));
                    }
                }
            }
        }
        return new Ranking(watermark, registrations, withBase, bases);
    }
}
