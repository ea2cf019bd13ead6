package dev.beian.insights.follow;

import dev.beian.insights.store.FollowerStateStore;

import dev.beian.insights.domain.Watermark;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Rebuilds the insights from the change feed: clears every derived table and resets the cursor to the start
 * of the feed in one transaction; the follower then replays the whole feed. Applying is deterministic, so the
 * replay ends with the same numbers.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final String DERIVED_TABLES = "counter_node, organization_stats, organization_category, "
            + "organization_day, lineage_stats, filing_projection, organization_projection, deployment_projection";

    private final AgroalDataSource dataSource;
    private final FollowerStateStore state;
    private final FollowerStatus status;
    private final Follower follower;

    public RebuildService(AgroalDataSource dataSource, FollowerStateStore state, FollowerStatus status,
                          Follower follower) {
        this.dataSource = dataSource;
        this.state = state;
        this.status = status;
        this.follower = follower;
    }

    public Watermark rebuild() throws SQLException {
        Watermark reset;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Taking the state row first serialises with a batch being applied (it locks the row first too).
                s.execute("SELECT 1 FROM follower_state WHERE id = 1 FOR UPDATE");
                s.execute("TRUNCATE " + DERIVED_TABLES);
                reset = state.reset(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        status.resetTo(reset);
        follower.wake();
        LOG.infof("Insights cleared for a rebuild (generation %d); replaying the change feed from its start",
                reset.generation());
        return reset;
    }
}
