package dev.beian.registry.webhook;

import dev.beian.registry.feed.FeedCursor;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The webhook tables in plain SQL: each operation is one statement, so it is atomic without a surrounding
 * transaction, and the dispatcher can use it from its own threads.
 */
@ApplicationScoped
public class WebhookStore {

    private static final String COLUMNS = """
            id, url, events, filter_jurisdiction, filter_kind, filter_category, filter_organization, status,
            secret, previous_secret, previous_secret_until, cursor_txid, cursor_seq, failed_attempts,
            first_failure_at, next_attempt_at, created_at, updated_at""";

    private static final String DELIVERY_COLUMNS = """
            id, message_id, event_type, event_txid, event_seq, attempt, redelivery, succeeded, status_code,
            latency_ms, response_excerpt, error, attempted_at""";

    private final AgroalDataSource dataSource;

    public WebhookStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A subscription with what only the service sees: its secrets and its place in the feed. */
    record Subscription(long id, String url, List<String> events, WebhookFilter filter, WebhookStatus status,
                        String secret, String previousSecret, Instant previousSecretUntil, FeedCursor cursor,
                        int failedAttempts, Instant firstFailureAt, Instant nextAttemptAt,
                        Instant createdAt, Instant updatedAt) {

        /** The secrets that sign now: the current one, and the previous one during the overlap after a rotation. */
        List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }

        WebhookView view() {
            Instant now = Instant.now();
            Instant overlap = previousSecretUntil != null && previousSecretUntil.isAfter(now) ? previousSecretUntil : null;
            return new WebhookView(id, url, events, filter, status, failedAttempts,
                    failedAttempts > 0 && status == WebhookStatus.ACTIVE ? nextAttemptAt : null,
                    overlap, createdAt, updatedAt, null);
        }
    }

    /** A delivery row with the event it carried, for redelivery. */
    record Delivery(DeliveryView view, long subscriptionId, FeedCursor event) {
    }

    /**
     * Inserts a subscription that starts at the feed's horizon: every event not yet released to followers
     * (those of transactions at or after the oldest one still running) will be delivered, none before.
     */
    Subscription insert(String url, List<String> events, WebhookFilter filter, String secret, String createdBy) {
        String sql = "INSERT INTO webhook_subscription (url, events, filter_jurisdiction, filter_kind, filter_category, "
                + "filter_organization, secret, cursor_txid, cursor_seq, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, "
                + "CAST(CAST(pg_snapshot_xmin(pg_current_snapshot()) AS text) AS bigint) - 1, " + Long.MAX_VALUE
                + ", ?) RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, url);
            ps.setArray(2, c.createArrayOf("text", events.toArray()));
            setFilter(ps, 3, filter);
            ps.setString(7, secret);
            ps.setString(8, createdBy);
            return one(ps).orElseThrow();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    Optional<Subscription> find(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    List<Subscription> page(long afterId, int limit) {
        return list("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id > ? ORDER BY id LIMIT ?", ps -> {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
        }, WebhookStore::subscription);
    }

    /** Replaces url, events and filter (the caller merged the update); resuming also forgets past failures. */
    Optional<Subscription> update(long id, String url, List<String> events, WebhookFilter filter, WebhookStatus status) {
        String sql = "UPDATE webhook_subscription SET url = ?, events = ?, filter_jurisdiction = ?, filter_kind = ?, "
                + "filter_category = ?, filter_organization = ?, status = ?, updated_at = now(), "
                + "failed_attempts = CASE WHEN status <> 'ACTIVE' AND ? = 'ACTIVE' THEN 0 ELSE failed_attempts END, "
                + "first_failure_at = CASE WHEN status <> 'ACTIVE' AND ? = 'ACTIVE' THEN NULL ELSE first_failure_at END, "
                + "next_attempt_at = CASE WHEN status <> 'ACTIVE' AND ? = 'ACTIVE' THEN now() ELSE next_attempt_at END "
                + "WHERE id = ? RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, url);
            ps.setArray(2, c.createArrayOf("text", events.toArray()));
            setFilter(ps, 3, filter);
            for (int i = 7; i <= 10; i++) {
                ps.setString(i, status.name());
            }
            ps.setLong(11, id);
            return one(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    Optional<Subscription> rotate(long id, String newSecret, java.time.Duration overlap) {
        String sql = "UPDATE webhook_subscription SET previous_secret = secret, secret = ?, "
                + "previous_secret_until = now() + CAST(? AS interval), updated_at = now() WHERE id = ? RETURNING " + COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, newSecret);
            ps.setString(2, overlap.toSeconds() + " seconds");
            ps.setLong(3, id);
            return one(ps);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    boolean delete(long id) {
        return execute("DELETE FROM webhook_subscription WHERE id = ?", id) > 0;
    }

    /** Active subscriptions whose next attempt is due. */
    List<Long> due() {
        return list("SELECT id FROM webhook_subscription WHERE status = 'ACTIVE' AND next_attempt_at <= now() ORDER BY id",
                ps -> { }, rs -> rs.getLong(1));
    }

    /** Moves the cursor past a delivered (or filtered-out) event and clears the retry state. */
    void advance(long id, FeedCursor cursor) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET cursor_txid = ?, cursor_seq = ?, "
                     + "failed_attempts = 0, first_failure_at = NULL WHERE id = ?")) {
            ps.setLong(1, cursor.txid());
            ps.setLong(2, cursor.seq());
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records a failed attempt at the head event: retry at {@code nextAttempt}, or mark failing (paused). */
    void failed(long id, int failedAttempts, Instant firstFailure, Instant nextAttempt, boolean giveUp) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET failed_attempts = ?, "
                     + "first_failure_at = ?, next_attempt_at = ?, status = CASE WHEN ? THEN 'FAILING' ELSE status END, "
                     + "updated_at = CASE WHEN ? THEN now() ELSE updated_at END WHERE id = ?")) {
            ps.setInt(1, failedAttempts);
            ps.setTimestamp(2, Timestamp.from(firstFailure));
            ps.setTimestamp(3, Timestamp.from(nextAttempt));
            ps.setBoolean(4, giveUp);
            ps.setBoolean(5, giveUp);
            ps.setLong(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The logged attempt, or empty when the subscription was deleted while it was under way. */
    Optional<DeliveryView> logDelivery(long subscriptionId, String messageId, String eventType, FeedCursor event, int attempt,
                             boolean redelivery, WebhookSender.Attempt outcome) {
        String sql = "INSERT INTO webhook_delivery (subscription_id, message_id, event_type, event_txid, event_seq, "
                + "attempt, redelivery, succeeded, status_code, latency_ms, response_excerpt, error) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + DELIVERY_COLUMNS;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, subscriptionId);
            ps.setString(2, messageId);
            ps.setString(3, eventType);
            ps.setLong(4, event.txid());
            ps.setLong(5, event.seq());
            ps.setInt(6, attempt);
            ps.setBoolean(7, redelivery);
            ps.setBoolean(8, outcome.succeeded());
            if (outcome.statusCode() == null) {
                ps.setNull(9, Types.INTEGER);
            } else {
                ps.setInt(9, outcome.statusCode());
            }
            ps.setInt(10, outcome.latencyMs());
            ps.setString(11, outcome.excerpt());
            ps.setString(12, outcome.error() == null ? null : truncate(outcome.error(), 500));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(delivery(rs));
            }
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) { // foreign key: the subscription is gone
                return Optional.empty();
            }
            throw failure(e);
        }
    }

    /** The log of one subscription, newest first, below {@code beforeId}. */
    List<DeliveryView> deliveries(long subscriptionId, long beforeId, int limit) {
        return list("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE subscription_id = ? AND id < ? "
                + "ORDER BY id DESC LIMIT ?", ps -> {
            ps.setLong(1, subscriptionId);
            ps.setLong(2, beforeId);
            ps.setInt(3, limit);
        }, WebhookStore::delivery);
    }

    Optional<Delivery> delivery(long subscriptionId, long deliveryId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                     + " FROM webhook_delivery WHERE subscription_id = ? AND id = ?")) {
            ps.setLong(1, subscriptionId);
            ps.setLong(2, deliveryId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Delivery(delivery(rs), subscriptionId,
                        new FeedCursor(rs.getLong("event_txid"), rs.getLong("event_seq"))));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int execute(String sql, long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void setFilter(PreparedStatement ps, int first, WebhookFilter filter) throws SQLException {
        ps.setString(first, filter.jurisdiction());
        ps.setString(first + 1, filter.kind());
        ps.setString(first + 2, filter.category());
        if (filter.organization() == null) {
            ps.setNull(first + 3, Types.BIGINT);
        } else {
            ps.setLong(first + 3, filter.organization());
        }
    }

    private static Optional<Subscription> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(subscription(rs)) : Optional.empty();
        }
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        Array events = rs.getArray("events");
        WebhookFilter filter = new WebhookFilter(rs.getString("filter_jurisdiction"), rs.getString("filter_kind"),
                rs.getString("filter_category"), rs.getObject("filter_organization", Long.class));
        return new Subscription(rs.getLong("id"), rs.getString("url"),
                List.copyOf(Arrays.asList((String[]) events.getArray())), filter,
                WebhookStatus.valueOf(rs.getString("status")), rs.getString("secret"), rs.getString("previous_secret"),
                instant(rs, "previous_secret_until"), new FeedCursor(rs.getLong("cursor_txid"), rs.getLong("cursor_seq")),
                rs.getInt("failed_attempts"), instant(rs, "first_failure_at"), instant(rs, "next_attempt_at"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static DeliveryView delivery(ResultSet rs) throws SQLException {
        Integer statusCode = rs.getObject("status_code", Integer.class);
        return new DeliveryView(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"),
                new FeedCursor(rs.getLong("event_txid"), rs.getLong("event_seq")).encode(), rs.getInt("attempt"),
                rs.getBoolean("redelivery"), rs.getBoolean("succeeded"), statusCode, rs.getInt("latency_ms"),
                rs.getString("response_excerpt"), rs.getString("error"), instant(rs, "attempted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Webhook storage failed", e);
    }
}
