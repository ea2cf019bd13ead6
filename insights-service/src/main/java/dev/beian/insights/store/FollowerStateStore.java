package dev.beian.insights.store;

import dev.beian.insights.domain.Watermark;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The follower's single state row: its feed cursor and the watermark the aggregates reflect. */
@ApplicationScoped
public class FollowerStateStore {

    private static final String COLUMNS = "feed_cursor, applied_at, event_time, events_applied, generation";

    public Watermark load(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM follower_state WHERE id = 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? watermark(rs) : Watermark.START;
        }
    }

    /**
     * Locks the state row for this transaction and tells whether the stored cursor is still {@code after}:
     * a batch fetched before a rebuild (or by a second follower) must not be applied.
     */
    public boolean lockIfAt(Connection c, String after) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT feed_cursor FROM follower_state WHERE id = 1 FOR UPDATE");
             ResultSet rs = s.executeQuery()) {
            return rs.next() && Objects.equals(rs.getString(1), after);
        }
    }

    /** A digest of every stored official total: it changes whenever any replica changes one. */
    public String officialTotalsDigest(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t.as_of), '')) FROM official_total t");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    public Watermark advance(Connection c, String cursor, Instant eventTime, int events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE follower_state SET feed_cursor = ?, applied_at = ?, "
                + "event_time = COALESCE(?, event_time), events_applied = events_applied + ? WHERE id = 1 RETURNING "
                + COLUMNS)) {
            s.setString(1, cursor);
            s.setObject(2, timestamp(now()));
            s.setObject(3, eventTime == null ? null : timestamp(eventTime));
            s.setLong(4, events);
            return returned(s);
        }
    }

    /** Back to the start of the feed, in a new generation. */
    public Watermark reset(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE follower_state SET feed_cursor = NULL, applied_at = ?, "
                + "event_time = NULL, events_applied = 0, generation = generation + 1 WHERE id = 1 RETURNING " + COLUMNS)) {
            s.setObject(1, timestamp(now()));
            return returned(s);
        }
    }

    private static Watermark returned(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("follower_state row is missing");
            }
            return watermark(rs);
        }
    }

    /** The watermark in columns 1..5 (feed_cursor, applied_at, event_time, events_applied, generation). */
    static Watermark watermark(ResultSet rs) throws SQLException {
        return new Watermark(rs.getString(1), instant(rs, 2), instant(rs, 3), rs.getLong(4), rs.getInt(5));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** PostgreSQL keeps microseconds: truncate so the watermark in memory equals the stored one. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
