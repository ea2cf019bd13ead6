package dev.beian.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.registry.service.FilingQuery;
import dev.beian.registry.service.FilingSearch;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;

import java.util.List;

/**
 * The real search with one seam for fault tests: {@link #beforeNextPage} runs once before the next page that
 * continues from a position (an export's second page), so a test can take the database away exactly after an
 * export has started streaming. Idle (null) in every other test. A singleton: a client proxy would need a no-args
 * constructor the subclass cannot get from the test sources.
 */
@Alternative
@Priority(1)
@Singleton
public class PausableFilingSearch extends FilingSearch {

    static volatile Runnable beforeNextPage;

    public PausableFilingSearch(AgroalDataSource dataSource, ObjectMapper json) {
        super(dataSource, json);
    }

    @Override
    public List<Row> rows(FilingQuery query, ObjectNode after, int limit) {
        Runnable hook = beforeNextPage;
        if (after != null && hook != null) {
            beforeNextPage = null;
            hook.run();
        }
        return super.rows(query, after, limit);
    }
}
