package dev.beian.registry.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.api.SourceView;
import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;

import java.io.IOException;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

/**
 * Reads filings for the API straight from SQL rows: the read paths (get, list, export) need no entities, and
 * loading entities would also hydrate the search n-grams, which are most of a row's bytes.
 */
final class FilingRows {

    /** The columns {@link #view} reads, in order; the query joins {@code filing f} with {@code organization o}. */
    static final String COLUMNS = "f.id, f.filing_number, f.kind, f.name, f.name_en, o.id, o.legal_name, o.name_en,"
            + " f.jurisdiction, f.filing_date, f.publication_batch, f.sequence_no, f.categories, f.sectors,"
            + " f.weights_access, f.base_filing_id, f.status, f.status_history, f.source_list, f.source_row,"
            + " f.source_url, f.created_at, f.updated_at, f.version";
    /** The number of {@link #COLUMNS}; a query may select more after them. */
    static final int COLUMN_COUNT = 24;
    static final String FROM = " FROM filing f JOIN organization o ON o.id = f.organization_id";

    private static final TypeReference<List<Filing.StatusChange>> STATUS_HISTORY = new TypeReference<>() {
    };

    private FilingRows() {
    }

    static FilingView view(ResultSet rs, ObjectMapper json) throws SQLException {
        return new FilingView(rs.getLong(1), rs.getString(2), FilingKind.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5),
                new FilingView.OrganizationRef(rs.getLong(6), rs.getString(7), rs.getString(8)),
                rs.getString(9), localDate(rs.getDate(10)), rs.getString(11), (Integer) rs.getObject(12),
                strings(rs.getArray(13)), strings(rs.getArray(14)),
                enumOrNull(WeightsAccess.class, rs.getString(15)), (Long) rs.getObject(16),
                FilingStatus.valueOf(rs.getString(17)), statusHistory(rs.getString(18), json),
                SourceView.ofNullable(rs.getString(19), (Integer) rs.getObject(20), rs.getString(21)),
                instant(rs.getTimestamp(22)), instant(rs.getTimestamp(23)), rs.getInt(24));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Filing.StatusChange> statusHistory(String text, ObjectMapper json) {
        try {
            return text == null ? List.of() : json.readValue(text, STATUS_HISTORY);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable status history: " + text, e);
        }
    }

    private static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
