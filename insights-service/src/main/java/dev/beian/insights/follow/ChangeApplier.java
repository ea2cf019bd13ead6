package dev.beian.insights.follow;

import dev.beian.insights.store.CounterStore;
import dev.beian.insights.store.FollowerStateStore;
import dev.beian.insights.store.LineageStore;
import dev.beian.insights.store.OrganizationStore;
import dev.beian.insights.store.ProjectionStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.insights.follow.ChangeBatch;
import dev.beian.insights.follow.ChangeEvent;
import dev.beian.insights.domain.Watermark;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one batch of change events to the projections and aggregates and advances the stored cursor, all
 * in one transaction: after a crash the batch is either wholly applied (and the cursor past it) or not at all.
 */
@ApplicationScoped
public class ChangeApplier {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ProjectionStore projections;
    private final CounterStore counters;
    private final OrganizationStore organizations;
    private final LineageStore lineage;
    private final FollowerStateStore state;
    private final Counter applied;
    private final Counter skipped;
    private final Timer applyTime;

    public ChangeApplier(AgroalDataSource dataSource, ObjectMapper json, ProjectionStore projections,
                         CounterStore counters, OrganizationStore organizations, LineageStore lineage,
                         FollowerStateStore state, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.json = json;
        this.projections = projections;
        this.counters = counters;
        this.organizations = organizations;
        this.lineage = lineage;
        this.state = state;
        this.applied = Counter.builder("beian.insights.events.applied")
                .description("Change events applied (including stale duplicates ignored)").register(meters);
        this.skipped = Counter.builder("beian.insights.events.skipped")
                .description("Change events skipped as unreadable or of an unknown type").register(meters);
        this.applyTime = Timer.builder("beian.insights.batch.apply")
                .description("Time to apply one batch of change events").register(meters);
    }

    /**
     * Whether this replica may still apply, checked inside the applying transaction once the follower's state
     * row is locked (so no other replica can apply between the check and the commit).
     */
    @FunctionalInterface
    public interface Fence {
        /** No check: a caller that drives the follower itself (tests, tools). */
        Fence NONE = c -> true;

        boolean holds(Connection c) throws SQLException;
    }

    /** The fence failed: another replica may be the active follower now; nothing was written. */
    public static final class Deposed extends SQLException {
        Deposed() {
            super("This replica no longer holds the follower lock; the batch was rolled back");
        }
    }

    /** {@link #apply(String, ChangeBatch, Fence)} without a fence. */
    public Optional<Watermark> apply(String after, ChangeBatch batch) throws SQLException {
        return apply(after, batch, Fence.NONE);
    }

    /**
     * Applies {@code batch}, fetched with {@code after}. Empty when the stored cursor is no longer
     * {@code after} (a rebuild, or another replica, moved it meanwhile): the batch is then dropped, nothing is
     * written. Throws {@link Deposed} when {@code fence} fails.
     */
    public Optional<Watermark> apply(String after, ChangeBatch batch, Fence fence) throws SQLException {
        Timer.Sample sample = Timer.start();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Watermark> result = applyIn(c, after, batch, fence);
                if (result.isPresent()) {
                    c.commit();
                    applied.increment(batch.events().size());
                } else {
                    c.rollback();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } finally {
            sample.stop(applyTime);
        }
    }

    private Optional<Watermark> applyIn(Connection c, String after, ChangeBatch batch, Fence fence) throws SQLException {
        if (!state.lockIfAt(c, after)) {
            return Optional.empty();
        }
        if (!fence.holds(c)) {
            throw new Deposed();
        }
        Set<Long> filingIds = new HashSet<>();
        Set<Long> organizationIds = new HashSet<>();
        Set<Long> deploymentIds = new HashSet<>();
        Instant eventTime = null;
        for (ChangeEvent event : batch.events()) {
            Long id = idOf(event);
            if (id != null) {
                switch (event.entity()) {
                    case "filing" -> filingIds.add(id);
                    case "organization" -> organizationIds.add(id);
                    case "deployment" -> deploymentIds.add(id);
                    default -> { }
                }
            }
            if (event.occurredAt() != null) {
                eventTime = event.occurredAt();
            }
        }
        EventProjector projector = new EventProjector(json, projections.filings(c, filingIds),
                projections.organizations(c, organizationIds), projections.deployments(c, deploymentIds));
        batch.events().forEach(projector::apply);
        skipped.increment(projector.skipped());

        projections.saveFilings(c, projector.changedFilings());
        projections.saveOrganizations(c, projector.changedOrganizations());
        projections.saveDeployments(c, projector.changedDeployments());
        organizations.apply(c, projector.deltas());
        lineage.apply(c, projector.deltas().lineage());
        counters.add(c, projector.deltas().counters());
        return Optional.of(state.advance(c, batch.nextCursor(), eventTime, batch.events().size()));
    }

    private static Long idOf(ChangeEvent event) {
        if (event.entityId() != null) {
            return event.entityId();
        }
        JsonNode id = event.data() == null ? null : event.data().get("id");
        return id != null && id.canConvertToLong() ? id.asLong() : null;
    }
}
