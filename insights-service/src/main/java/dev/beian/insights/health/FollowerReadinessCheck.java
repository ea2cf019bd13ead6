package dev.beian.insights.health;

import dev.beian.insights.domain.Watermark;
import dev.beian.insights.follow.FollowerStatus;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Reports how far the insights lag behind the registry. It stays UP while the registry is down or the
 * follower lags: the insights still answer, each answer states its watermark. DOWN only when the insights
 * database cannot be read. It also says whether this replica is the active follower or a standby.
 */
@Readiness
@ApplicationScoped
public class FollowerReadinessCheck implements HealthCheck {

    private final FollowerStatus status;
    private final AgroalDataSource dataSource;

    public FollowerReadinessCheck(FollowerStatus status, AgroalDataSource dataSource) {
        this.status = status;
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("change-feed-follower");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM follower_state WHERE id = 1");
             ResultSet rs = s.executeQuery()) {
            builder.status(rs.next());
        } catch (Exception e) {
            builder.down().withData("error", "insights database unavailable: " + e.getMessage());
        }
        Watermark w = status.watermark();
        builder.withData("running", status.running())
                // With several replicas exactly one applies the feed; the others are standbys ready to take over.
                .withData("activeFollower", status.active())
                .withData("role", status.active() ? "active" : status.running() ? "standby" : "not following")
                .withData("registryReachable", status.registryReachable())
                .withData("caughtUp", status.caughtUp())
                // The feed does not say how many events are pending: 0 when caught up, otherwise unknown.
                .withData("eventsBehind", status.caughtUp() ? "0" : "unknown")
                .withData("cursor", String.valueOf(w.cursor()))
                .withData("eventTime", String.valueOf(w.eventTime()))
                .withData("appliedAt", String.valueOf(w.appliedAt()))
                .withData("eventsApplied", w.eventsApplied())
                .withData("generation", w.generation())
                .withData("lastPollAt", String.valueOf(status.lastPollAt()));
        seconds(builder, "lagSeconds", status.lagSeconds());
        seconds(builder, "secondsSinceLastEvent", status.secondsSinceLastEvent());
        if (status.lastError() != null) {
            builder.withData("lastError", status.lastError());
        }
        return builder.build();
    }

    /** Whole seconds, or "unknown" (e.g. nothing applied yet and not caught up). */
    private static void seconds(HealthCheckResponseBuilder builder, String name, Double seconds) {
        if (seconds == null) {
            builder.withData(name, "unknown");
        } else {
            builder.withData(name, Math.round(seconds));
        }
    }
}
