package dev.beian.registry.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.common.problem.Problem.FieldError;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.time.RegisterDates;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.api.ImportReport;
import dev.beian.registry.api.SourceView;
import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.api.OrganizationView;
import dev.beian.registry.domain.OrganizationType;
import dev.beian.registry.domain.SearchGrams;
import dev.beian.registry.service.ChangeEvents;
import dev.beian.registry.service.DatabaseClock;
import dev.beian.registry.service.FilingHistory;
import dev.beian.registry.service.FilingMapper;
import dev.beian.registry.service.FilingService;
import dev.beian.registry.service.Names;
import dev.beian.registry.service.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports published list rows: checks each row, upserts by filing number (case-insensitively) or, for rows
 * without one, by kind and list sequence number, and resolves organizations by normalised name. New filings
 * are written with COPY; changed ones go through the same update path as the API. Everything happens in
 * one transaction: a failure writes nothing, a dry run rolls back, and in all-or-nothing mode one rejected
 * row stops the import.
 */
@ApplicationScoped
public class FilingImporter {

    private static final Logger LOG = Logger.getLogger(FilingImporter.class);

    private final Vocabulary vocabulary;
    private final EntityManager em;
    private final BulkWriter bulk;
    private final FilingService filings;
    private final FilingHistory history;
    private final ChangeEvents events;
    private final ObjectMapper json;
    private final TransactionManager transactions;
    private final StatisticsRefresh statistics;

    public FilingImporter(Vocabulary vocabulary, EntityManager em, BulkWriter bulk, FilingService filings,
                          FilingHistory history, ChangeEvents events, ObjectMapper json, TransactionManager transactions,
                          StatisticsRefresh statistics) {
        this.vocabulary = vocabulary;
        this.em = em;
        this.bulk = bulk;
        this.filings = filings;
        this.history = history;
        this.events = events;
        this.json = json;
        this.transactions = transactions;
        this.statistics = statistics;
    }

    /** Joins the caller's transaction, whose timeout ImportCommands raises for large uploads. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ImportReport importRows(ParsedInput input, ImportOptions options, String actor, ImportProgress progress) {
        FilingKind defaultKind = options.kind() != null ? options.kind()
                : input.impliedKind() != null ? input.impliedKind() : FilingKind.FILING;
        long started = System.nanoTime();
        RowChecker checker = new RowChecker(vocabulary, defaultKind, options.publicationBatch());
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        progress.stage("checking");
        List<ImportRow> rows = checkedUniqueRows(input.rows(), checker, options, rejections, progress);
        progress.checked(input.rows().size());
        if (options.allOrNothing() && !rejections.isEmpty()) {
            throw rejectedImport(rejections);
        }
        progress.stage("matching");
        // One import at a time: concurrent imports of overlapping lists would otherwise race on the same numbers.
        bulk.execute("SELECT pg_advisory_xact_lock(hashtext('beian.filing-import'))");

        long checked = System.nanoTime();
        OrganizationResolution organizations = resolveOrganizations(rows);
        long resolved = System.nanoTime();
        Existing existing = existing(rows);
        long matched = System.nanoTime();
        List<ImportRow> creates = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
        progress.stage("writing");
        for (ImportRow row : rows) {
            Optional<Filing> match;
            try {
                match = existing.match(row);
            } catch (RowRejected e) {
                rejections.add(new ImportReport.Rejection(row.rowNumber(), row.filingNumber(), e.getMessage()));
                continue;
            }
            if (match.isEmpty()) {
                creates.add(row);
                continue;
            }
            Filing filing = match.get();
            int before = filing.version;
            FilingView after = filings.update(filing, merged(filing, row, organizations.byName(row)), actor, "IMPORTED");
            if (after.version() != before) {
                updated++;
            } else {
                unchanged++;
            }
            progress.written(updated + unchanged);
        }
        if (options.allOrNothing() && !rejections.isEmpty()) {
            throw rejectedImport(rejections);
        }
        em.flush();
        long updatedAt = System.nanoTime();
        insert(creates, organizations, actor);
        progress.written(updated + unchanged + creates.size());
        progress.stage("committing");
        LOG.infof("Import of %d rows: checked %d ms, organizations %d ms, matched %d ms, updated %d ms, inserted %d ms",
                input.rows().size(), (checked - started) / 1_000_000, (resolved - checked) / 1_000_000,
                (matched - resolved) / 1_000_000, (updatedAt - matched) / 1_000_000, (System.nanoTime() - updatedAt) / 1_000_000);
        rejections.sort(java.util.Comparator.comparingInt(ImportReport.Rejection::row));
        ImportReport report = new ImportReport(options.dryRun(), options.allOrNothing(), input.rows().size(),
                creates.size(), updated, unchanged, rejections.size(), organizations.created(), rejections,
                input.ignoredColumns());
        if (options.dryRun()) {
            try {
                transactions.setRollbackOnly();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot roll back a dry run", e);
            }
        }
        return report;
    }

    private static ProblemException rejectedImport(List<ImportReport.Rejection> rejections) {
        List<FieldError> errors = rejections.stream()
                .map(r -> new FieldError("row[" + r.row() + "]", r.reason())).toList();
        return new ProblemException(422, "import-rejected", "Import rejected",
                rejections.size() + " row(s) cannot be imported; nothing was written (all-or-nothing mode)",
                errors, Map.of());
    }

    /** Checks every row and drops later duplicates of a filing number or list number within the upload. */
    private List<ImportRow> checkedUniqueRows(List<RawRow> raw, RowChecker checker, ImportOptions options,
                                              List<ImportReport.Rejection> rejections, ImportProgress progress) {
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> sequences = new HashMap<>();
        List<ImportRow> rows = new ArrayList<>(raw.size());
        for (RawRow r : raw) {
            progress.checked(r.rowNumber() - 1);
            ImportRow row;
            try {
                row = withSource(checker.check(r), options);
            } catch (RowRejected e) {
                rejections.add(new ImportReport.Rejection(r.rowNumber(), r.get(ImportField.FILING_NUMBER), e.getMessage()));
                continue;
            }
            Integer firstByNumber = row.filingNumber() == null ? null
                    : numbers.putIfAbsent(row.filingNumber().toLowerCase(Locale.ROOT), row.rowNumber());
            Integer firstBySequence = row.sequenceNo() == null ? null
                    : sequences.putIfAbsent(row.kind() + "#" + row.sequenceNo(), row.rowNumber());
            if (firstByNumber != null || firstBySequence != null) {
                int first = firstByNumber != null ? firstByNumber : firstBySequence;
                rejections.add(new ImportReport.Rejection(r.rowNumber(), row.filingNumber(),
                        "duplicates row " + first + " of this upload"));
                continue;
            }
            rows.add(row);
        }
        return rows;
    }

    private static ImportRow withSource(ImportRow row, ImportOptions options) {
        if (row.sourceList() != null || options.sourceList() == null) {
            return row;
        }
        return new ImportRow(row.rowNumber(), row.filingNumber(), row.kind(), row.sequenceNo(), row.name(),
                row.nameEn(), row.organizationName(), row.jurisdiction(), row.filingDate(), row.publicationBatch(),
                row.categories(), row.sectors(), row.weightsAccess(), row.status(), options.sourceList(),
                row.sourceRow() != null ? row.sourceRow() : row.sequenceNo(),
                row.sourceUrl() != null ? row.sourceUrl() : options.sourceUrl());
    }

    /**
     * The organizations the rows name, by normalised name; missing ones are created in one statement per
     * chunk, with their change events written by COPY. No entities are loaded: at 100,000 rows the session's
     * dirty checking would dominate.
     */
    private OrganizationResolution resolveOrganizations(List<ImportRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.putIfAbsent(Names.organizationKey(r.organizationName()), r.organizationName()));
        Map<String, OrganizationRef> byName = new HashMap<>();
        List<OrganizationView> created = new ArrayList<>();
        for (List<String> chunk : chunks(new ArrayList<>(names.keySet()), 10_000)) {
            for (Object[] row : bulk.query("""
                    INSERT INTO organization (legal_name, normalized_name)
                    SELECT * FROM unnest(?, ?) ON CONFLICT (normalized_name) DO NOTHING
                    RETURNING id, legal_name, normalized_name, created_at""", 4,
                    chunk.stream().map(names::get).toArray(String[]::new), chunk.toArray(String[]::new))) {
                long id = ((Number) row[0]).longValue();
                Instant at = ((java.sql.Timestamp) row[3]).toInstant();
                created.add(new OrganizationView(id, (String) row[1], null, List.of(), OrganizationType.OTHER, null,
                        null, at, at, 0));
            }
            for (Object[] row : bulk.query("SELECT id, legal_name, name_en, normalized_name FROM organization "
                    + "WHERE normalized_name = ANY(?)", 4, (Object) chunk.toArray(String[]::new))) {
                byName.put((String) row[3], new OrganizationRef(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
            }
        }
        bulk.copy("change_event", "type, entity_id, data", data -> {
            for (OrganizationView o : created) {
                data.field("organization.created", false);
                data.field(o.id(), false);
                data.field(write(o), true);
            }
        });
        return new OrganizationResolution(byName, created.size());
    }

    /** What an imported filing needs of its organization. */
    record OrganizationRef(long id, String legalName, String nameEn) {
    }

    record OrganizationResolution(Map<String, OrganizationRef> byNormalizedName, int created) {
        OrganizationRef byName(ImportRow row) {
            return byNormalizedName.get(Names.organizationKey(row.organizationName()));
        }
    }

    /** Filings already in the registry that rows name, by filing number or list number. */
    private Existing existing(List<ImportRow> rows) {
        List<String> numbers = rows.stream().map(ImportRow::filingNumber).filter(n -> n != null)
                .map(n -> n.toLowerCase(Locale.ROOT)).toList();
        List<String> kinds = new ArrayList<>();
        List<Integer> sequences = new ArrayList<>();
        rows.stream().filter(r -> r.sequenceNo() != null).forEach(r -> {
            kinds.add(r.kind().name());
            sequences.add(r.sequenceNo());
        });
        // Lateral probes use the unique indexes whatever the statistics say; right after a large import they are stale.
        List<Long> ids = new ArrayList<>();
        for (List<String> chunk : chunks(numbers, 10_000)) {
            bulk.query("""
                    SELECT f.id FROM unnest(?) AS k(number)
                    CROSS JOIN LATERAL (SELECT id FROM filing WHERE lower(filing_number) = k.number) f""", 1,
                    (Object) chunk.toArray(String[]::new)).forEach(row -> ids.add(((Number) row[0]).longValue()));
        }
        if (!sequences.isEmpty()) {
            bulk.query("""
                    SELECT f.id FROM unnest(?, ?) AS k(kind, seq)
                    CROSS JOIN LATERAL (SELECT id FROM filing WHERE kind = k.kind AND sequence_no = k.seq) f""", 1,
                    kinds.toArray(String[]::new), sequences.toArray(Integer[]::new))
                    .forEach(row -> ids.add(((Number) row[0]).longValue()));
        }
        Existing existing = new Existing();
        for (List<Long> chunk : chunks(ids.stream().distinct().toList(), 10_000)) {
            em.createQuery("from Filing f join fetch f.organization where f.id in :ids", Filing.class)
                    .setParameter("ids", chunk).getResultList().forEach(existing::add);
        }
        return existing;
    }

    static final class Existing {
        private final Map<String, Filing> byNumber = new HashMap<>();
        private final Map<String, Filing> bySequence = new HashMap<>();

        void add(Filing f) {
            if (f.filingNumber != null) {
                byNumber.put(f.filingNumber.toLowerCase(Locale.ROOT), f);
            }
            if (f.sequenceNo != null) {
                bySequence.put(f.kind + "#" + f.sequenceNo, f);
            }
        }

        Optional<Filing> match(ImportRow row) {
            Filing byNum = row.filingNumber() == null ? null : byNumber.get(row.filingNumber().toLowerCase(Locale.ROOT));
            Filing bySeq = row.sequenceNo() == null ? null : bySequence.get(row.kind() + "#" + row.sequenceNo());
            if (byNum != null && bySeq != null && !byNum.id.equals(bySeq.id)) {
                throw new RowRejected("filing number " + row.filingNumber() + " belongs to filing " + byNum.id
                        + " but list number " + row.sequenceNo() + " to filing " + bySeq.id);
            }
            if (byNum == null && bySeq != null && bySeq.filingNumber != null && row.filingNumber() != null) {
                throw new RowRejected("list number " + row.sequenceNo() + " belongs to filing " + bySeq.id
                        + " with another filing number, " + bySeq.filingNumber);
            }
            return Optional.ofNullable(byNum != null ? byNum : bySeq);
        }
    }

    /** The row's values over the filing's current state: a column the upload does not have keeps its value. */
    private static FilingInput merged(Filing f, ImportRow row, OrganizationRef organization) {
        FilingInput current = FilingMapper.input(f);
        return new FilingInput(
                row.filingNumber() != null ? row.filingNumber() : current.filingNumber(),
                row.kind(),
                row.sequenceNo() != null ? row.sequenceNo() : current.sequenceNo(),
                row.name(),
                row.nameEn() != null ? row.nameEn() : current.nameEn(),
                organization.id(), null,
                row.jurisdiction() != null ? row.jurisdiction() : current.jurisdiction(),
                row.filingDate() != null ? row.filingDate() : current.filingDate(),
                row.publicationBatch() != null ? row.publicationBatch() : current.publicationBatch(),
                row.categories().isEmpty() ? current.categories() : row.categories(),
                row.sectors().isEmpty() ? current.sectors() : row.sectors(),
                row.weightsAccess() != null ? row.weightsAccess() : current.weightsAccess(),
                current.baseFilingId(),
                row.status() != null ? row.status() : current.status(),
                null,
                row.sourceList() != null || row.sourceUrl() != null
                        ? new SourceView(row.sourceList(), row.sourceRow(), row.sourceUrl()) : current.source());
    }

    /**
     * Writes new filings with COPY straight into the table, with ids drawn from its sequence beforehand, then
     * their history entries and change events, also by COPY.
     */
    private void insert(List<ImportRow> rows, OrganizationResolution organizations, String actor) {
        if (rows.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(RegisterDates.ZONE);
        Instant now = DatabaseClock.now();
        List<FilingView> views = new ArrayList<>(rows.size());
        List<Object[]> ids = bulk.query("SELECT nextval(pg_get_serial_sequence('filing', 'id')) FROM generate_series(1, ?)",
                1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportRow r = rows.get(i);
            views.add(view(r, ((Number) ids.get(i)[0]).longValue(), now, organizations.byName(r), today));
        }
        long viewed = System.nanoTime();
        long inserted;
        long historyWritten;
        // History and events are made ready on other threads while the database takes the filings.
        try (BulkWriter.Prepared historyRows = bulk.prepare(historyRows(views, actor));
             BulkWriter.Prepared eventRows = bulk.prepare(eventRows(views))) {
            copyFilings(views, now);
            inserted = System.nanoTime();
            bulk.copy("filing_history", "filing_id, actor, action, changes", historyRows);
            historyWritten = System.nanoTime();
            bulk.copy("change_event", "type, entity_id, data", eventRows);
        }
        bulk.execute("SELECT pg_notify('" + ChangeEvents.CHANNEL + "', '')");
        long eventsWritten = System.nanoTime();
        if (rows.size() >= 10_000) {
            statistics.afterCommit();
        }
        LOG.infof("Insert of %d filings: views %d ms, COPY filings %d ms, history %d ms, events %d ms",
                rows.size(), (viewed - started) / 1_000_000, (inserted - viewed) / 1_000_000,
                (historyWritten - inserted) / 1_000_000, (eventsWritten - historyWritten) / 1_000_000);
    }

    private void copyFilings(List<FilingView> views, Instant now) {
        bulk.copy("filing", "id, filing_number, kind, sequence_no, name, name_en, organization_id, jurisdiction, "
                + "filing_date, publication_batch, categories, sectors, weights_access, status, status_history, "
                + "source_list, source_row, source_url, search_text, search_grams, created_at, updated_at", data -> {
            for (FilingView f : views) {
                Filing.StatusChange since = f.statusHistory().get(0);
                String searchText = Names.searchText(f.name(), f.nameEn(), f.organization().legalName(),
                        f.organization().nameEn(), f.filingNumber());
                data.field(f.id(), false);
                data.field(f.filingNumber(), false);
                data.field(f.kind(), false);
                data.field(f.sequenceNo(), false);
                data.field(f.name(), false);
                data.field(f.nameEn(), false);
                data.field(f.organization().id(), false);
                data.field(f.jurisdiction(), false);
                data.field(f.filingDate(), false);
                data.field(f.publicationBatch(), false);
                data.field(BulkWriter.arrayLiteral(f.categories()), false);
                data.field(BulkWriter.arrayLiteral(f.sectors()), false);
                data.field(f.weightsAccess(), false);
                data.field(f.status(), false);
                data.field("[{\"status\":\"" + since.status() + "\",\"since\":\"" + since.since() + "\"}]", false);
                data.field(f.source() == null ? null : f.source().list(), false);
                data.field(f.source() == null ? null : f.source().row(), false);
                data.field(f.source() == null ? null : f.source().url(), false);
                data.field(searchText, false);
                data.field(BulkWriter.arrayLiteral(SearchGrams.forIndex(searchText)), false);
                data.field(now, false);
                data.field(now, true);
            }
        });
    }

    private BulkWriter.Rows historyRows(List<FilingView> views, String actor) {
        return data -> {
            for (FilingView f : views) {
                data.field(f.id(), false);
                data.field(actor, false);
                data.field("IMPORTED", false);
                data.field(history.diff(null, f).toString(), true);
            }
        };
    }

    private BulkWriter.Rows eventRows(List<FilingView> views) {
        return data -> {
            for (FilingView f : views) {
                data.field("filing.created", false);
                data.field(f.id(), false);
                data.field(write(f), true);
            }
        };
    }

    private static FilingView view(ImportRow r, long id, Instant createdAt, OrganizationRef o, LocalDate today) {
        FilingStatus status = r.status() == null ? FilingStatus.ACTIVE : r.status();
        SourceView source = SourceView.ofNullable(r.sourceList(), r.sourceRow(), r.sourceUrl());
        return new FilingView(id, r.filingNumber(), r.kind(), r.name(), r.nameEn(),
                new FilingView.OrganizationRef(o.id(), o.legalName(), o.nameEn()), r.jurisdiction(), r.filingDate(),
                r.publicationBatch(), r.sequenceNo(), r.categories(), r.sectors(), r.weightsAccess(), null, status,
                List.of(new Filing.StatusChange(status, r.filingDate() != null ? r.filingDate() : today)),
                source, createdAt, createdAt, 0);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<List<T>> chunks(Collection<T> items, int size) {
        List<T> list = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            chunks.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return chunks;
    }
}
