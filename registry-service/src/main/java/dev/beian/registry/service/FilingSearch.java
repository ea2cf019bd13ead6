package dev.beian.registry.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.api.FilingPage;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.domain.SearchGrams;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists filings with filters, a sort and keyset (cursor) pagination: the next page starts after the last
 * row's (sort key, id), so a page at any depth costs the same. Ids are selected with SQL written for the
 * indexes and mapped straight to the API's records, organization included, in one query.
 */
@ApplicationScoped
public class FilingSearch {

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public FilingSearch(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    public FilingPage page(FilingQuery query, String cursor, int limit) {
        List<Row> rows = rows(query, cursor == null ? null : Cursors.decode(cursor), limit);
        List<FilingView> items = rows.stream().map(Row::view).toList();
        String next = rows.size() == limit ? cursorAfter(query.sort(), rows.get(rows.size() - 1)) : null;
        return new FilingPage(items, limit, next);
    }

    /** One filing, or empty when there is none with this id. */
    public Optional<FilingView> byId(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(
                     "SELECT " + FilingRows.COLUMNS + FilingRows.FROM + " WHERE f.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(FilingRows.view(rs, json)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading filing " + id + " failed", e);
        }
    }

    /** One row of a page: the filing and its sort key, for the next cursor. */
    public record Row(FilingView view, Object key) {
        public long id() {
            return view.id();
        }
    }

    /** A page of filings in the query's order, starting after the cursor position. */
    public List<Row> rows(FilingQuery query, ObjectNode after, int limit) {
        FilingSort sort = query.sort();
        StringBuilder sql = new StringBuilder("SELECT ").append(FilingRows.COLUMNS).append(", ").append(sort.sqlKey)
                .append(FilingRows.FROM).append(" WHERE true");
        List<Binder> params = new ArrayList<>();
        filters(query, sql, params);
        if (after != null) {
            JsonNode sortName = after.get("s");
            JsonNode key = after.get("k");
            JsonNode id = after.get("id");
            if (sortName == null || !sort.parameter.equals(sortName.asText()) || key == null || id == null
                    || !id.canConvertToLong()) {
                throw ProblemException.invalidParameter("cursor", "does not belong to this sort; start again without a cursor");
            }
            sql.append(" AND (").append(sort.sqlKey).append(", f.id) ").append(sort.ascending ? ">" : "<")
                    .append(" (CAST(? AS ").append(sort.sqlType).append("), ?)");
            String keyText = key.asText();
            long lastId = id.asLong();
            params.add((ps, i) -> ps.setString(i, keyText));
            params.add((ps, i) -> ps.setLong(i, lastId));
        }
        String direction = sort.ascending ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(sort.sqlKey).append(direction).append(", f.id").append(direction)
                .append(" LIMIT ").append(limit);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).bind(ps, i + 1);
            }
            List<Row> rows = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(FilingRows.view(rs, json), rs.getObject(FilingRows.COLUMN_COUNT + 1)));
                }
            }
            return rows;
        } catch (SQLException e) {
            if ("22007".equals(e.getSQLState()) || "22008".equals(e.getSQLState())) {
                throw ProblemException.invalidParameter("cursor", "is not a cursor this API issued");
            }
            throw new IllegalStateException("Filing query failed", e);
        }
    }

    private static void filters(FilingQuery query, StringBuilder sql, List<Binder> params) {
        if (query.q() != null) {
            String form = Names.searchForm(query.q());
            List<String> grams = SearchGrams.forQuery(form);
            // An empty array would match every row through the whole index: without grams, LIKE alone decides.
            if (!grams.isEmpty()) {
                sql.append(" AND f.search_grams @> ?");
                params.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf("text", grams.toArray())));
            }
            if (grams.isEmpty() || form.codePointCount(0, form.length()) > 2
                    || form.chars().anyMatch(Character::isWhitespace)) {
                sql.append(" AND f.search_text LIKE ?");
                String pattern = "%" + Sql.escapeLike(form) + "%";
                params.add((ps, i) -> ps.setString(i, pattern));
            }
        }
        equal(sql, params, "f.jurisdiction", query.jurisdiction());
        contains(sql, params, "f.categories", query.category());
        contains(sql, params, "f.sectors", query.sector());
        equal(sql, params, "f.kind", query.kind() == null ? null : query.kind().name());
        equal(sql, params, "f.status", query.status() == null ? null : query.status().name());
        equal(sql, params, "f.weights_access", query.weightsAccess() == null ? null : query.weightsAccess().name());
        if (query.organizationId() != null) {
            sql.append(" AND f.organization_id = ?");
            long id = query.organizationId();
            params.add((ps, i) -> ps.setLong(i, id));
        }
        if (query.baseFilingId() != null) {
            sql.append(" AND f.base_filing_id = ?");
            long base = query.baseFilingId();
            params.add((ps, i) -> ps.setLong(i, base));
        }
        // Each date bound is also stated on the date indexes' key, coalesce(filing_date, ...), so that a page
        // sorted by date starts at the bound instead of reading every earlier filing first.
        if (query.filedFrom() != null) {
            sql.append(" AND f.filing_date >= ? AND ").append(FilingSort.DATE_KEY).append(" >= ?");
            LocalDate from = query.filedFrom();
            params.add((ps, i) -> ps.setDate(i, Date.valueOf(from)));
            params.add((ps, i) -> ps.setDate(i, Date.valueOf(from)));
        }
        if (query.filedTo() != null) {
            sql.append(" AND f.filing_date <= ? AND ").append(FilingSort.DATE_KEY).append(" <= ?");
            LocalDate to = query.filedTo();
            params.add((ps, i) -> ps.setDate(i, Date.valueOf(to)));
            params.add((ps, i) -> ps.setDate(i, Date.valueOf(to)));
        }
    }

    private static void equal(StringBuilder sql, List<Binder> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add((ps, i) -> ps.setString(i, value));
        }
    }

    private static void contains(StringBuilder sql, List<Binder> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" @> ?");
            params.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf("text", new Object[]{value})));
        }
    }

    public String cursorAfter(FilingSort sort, Row last) {
        Object key = last.key();
        String keyText = key instanceof Timestamp ts ? ts.toInstant().toString()
                : key instanceof Date d ? d.toLocalDate().toString()
                : key instanceof Instant i ? i.toString()
                : String.valueOf(key);
        return Cursors.encode(Cursors.position().put("s", sort.parameter).put("k", keyText).put("id", last.id()));
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }
}
