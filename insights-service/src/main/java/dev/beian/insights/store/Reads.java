package dev.beian.insights.store;

import dev.beian.common.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs the reads of one answer on a pooled connection in autocommit mode. Each answer's numbers and its
 * watermark come from one SQL statement, hence one snapshot: no transaction round trips are needed.
 */
@ApplicationScoped
public class Reads {

    private static final Logger LOG = Logger.getLogger(Reads.class);

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    public Reads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T run(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            LOG.error("Reading insights failed", e);
            throw new ProblemException(503, "unavailable", "Service unavailable",
                    "The insights database cannot be read right now; retry shortly");
        }
    }
}
