package dev.beian.registry.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the outbox in a total order that never changes. Sequence numbers are taken when a transaction
 * writes but become visible when it commits, so "seq > last seen" would skip an event whose transaction
 * commits late. Instead an event is only handed out once its transaction id is below the horizon of the
 * current snapshot (every transaction below it has ended), and events are ordered by (txid, seq).
 */
@ApplicationScoped
public class ChangeFeed {

    private static final String READ = """
            SELECT txid::text, seq, occurred_at, type, entity_id, data::text
            FROM change_event
            WHERE (txid, seq) > (CAST(? AS xid8), ?) AND txid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY txid, seq
            LIMIT ?""";

    private final AgroalDataSource dataSource;
    private final ChangeNotifier notifier;
    private final ObjectMapper json;

    public ChangeFeed(AgroalDataSource dataSource, ChangeNotifier notifier, ObjectMapper json) {
        this.dataSource = dataSource;
        this.notifier = notifier;
        this.json = json;
    }

    public record Event(String cursor, Instant occurredAt, String type, long entityId, JsonNode data) {
    }

    public record Batch(List<Event> events, String nextCursor) {
    }

    /** Events after the cursor; when none, waits up to {@code wait} for one to commit. */
    public Batch read(FeedCursor after, int limit, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen = notifier.version();
            Batch batch = readOnce(after, limit);
            long remaining = deadline - System.nanoTime();
            if (!batch.events().isEmpty() || remaining <= 0 || notifier.draining()) {
                return batch;
            }
            // Woken by NOTIFY at commit; the periodic re-check covers events held back by an older transaction.
            notifier.awaitChangeAfter(seen, Duration.ofNanos(Math.min(remaining, Duration.ofMillis(250).toNanos())));
        }
    }

    Batch readOnce(FeedCursor after, int limit) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(READ)) {
            ps.setString(1, Long.toString(after.txid()));
            ps.setLong(2, after.seq());
            ps.setInt(3, limit);
            List<Event> events = new ArrayList<>();
            FeedCursor last = after;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    last = new FeedCursor(Long.parseLong(rs.getString(1)), rs.getLong(2));
                    events.add(new Event(last.encode(), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4), rs.getLong(5), json.readTree(rs.getString(6))));
                }
            }
            return new Batch(events, last.encode());
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the change feed", e);
        }
    }
}
