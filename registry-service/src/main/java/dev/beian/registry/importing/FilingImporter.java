package dev.beian.registry.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.common.problem.Problem.FieldError;
import dev.beian.common.problem.ProblemException;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.api.ImportReport;
import dev.beian.registry.api.SourceView;
import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.Organization;
import dev.beian.registry.service.ChangeEvents;
import dev.beian.registry.service.FilingHistory;
import dev.beian.registry.service.FilingMapper;
import dev.beian.registry.service.FilingService;
import dev.beian.registry.service.Names;
import dev.beian.registry.service.Vocabulary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Vocabulary vocabulary;
    private final EntityManager em;
    private final BulkWriter bulk;
    private final FilingService filings;
    private final FilingHistory history;
    private final ChangeEvents events;
    private final ObjectMapper json;
    private final TransactionManager transactions;

    public FilingImporter(Vocabulary vocabulary, EntityManager em, BulkWriter bulk, FilingService filings,
                          FilingHistory history, ChangeEvents events, ObjectMapper json, TransactionManager transactions) {
        this.vocabulary = vocabulary;
        this.em = em;
        this.bulk = bulk;
        this.filings = filings;
        this.history = history;
        this.events = events;
        this.json = json;
        this.transactions = transactions;
    }

    @Transactional
    public ImportReport importRows(ParsedInput input, ImportOptions options, String actor) {
        FilingKind defaultKind = options.kind() != null ? options.kind()
                : input.impliedKind() != null ? input.impliedKind() : FilingKind.FILING;
        RowChecker checker = new RowChecker(vocabulary, defaultKind, options.publicationBatch());
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        List<ImportRow> rows = checkedUniqueRows(input.rows(), checker, options, rejections);
        if (options.allOrNothing() && !rejections.isEmpty()) {
            throw rejectedImport(rejections);
        }
        // One import at a time: concurrent imports of overlapping lists would otherwise race on the same numbers.
        bulk.execute("SELECT pg_advisory_xact_lock(hashtext('beian.filing-import'))");

        OrganizationResolution organizations = resolveOrganizations(rows);
        Existing existing = existing(rows);
        List<ImportRow> creates = new ArrayList<>();
        int updated = 0;
        int unchanged = 0;
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
        }
        if (options.allOrNothing() && !rejections.isEmpty()) {
            throw rejectedImport(rejections);
        }
        em.flush();
        insert(creates, organizations, actor);
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
                                              List<ImportReport.Rejection> rejections) {
        Map<String, Integer> numbers = new HashMap<>();
        Map<String, Integer> sequences = new HashMap<>();
        List<ImportRow> rows = new ArrayList<>(raw.size());
        for (RawRow r : raw) {
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

    /** The organizations the rows name, by normalised name; missing ones are created in one statement. */
    private OrganizationResolution resolveOrganizations(List<ImportRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        rows.forEach(r -> names.putIfAbsent(Names.normalize(r.organizationName()), r.organizationName()));
        if (names.isEmpty()) {
            return new OrganizationResolution(Map.of(), 0);
        }
        List<Long> createdIds = new ArrayList<>();
        for (List<String> chunk : chunks(new ArrayList<>(names.keySet()), 5000)) {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("""
                            INSERT INTO organization (legal_name, normalized_name)
                            SELECT * FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[]))
                            ON CONFLICT (normalized_name) DO NOTHING RETURNING id""")
                    .setParameter(1, chunk.stream().map(names::get).toArray(String[]::new))
                    .setParameter(2, chunk.toArray(String[]::new))
                    .getResultList();
            ids.forEach(id -> createdIds.add(((Number) id).longValue()));
        }
        Map<String, Organization> byName = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(names.keySet()), 5000)) {
            em.createQuery("from Organization where normalizedName in :names", Organization.class)
                    .setParameter("names", chunk).getResultList()
                    .forEach(o -> byName.put(o.normalizedName, o));
        }
        for (Long id : createdIds) {
            Organization o = em.find(Organization.class, id);
            events.append("organization.created", id, FilingMapper.view(o, null));
        }
        return new OrganizationResolution(byName, createdIds.size());
    }

    record OrganizationResolution(Map<String, Organization> byNormalizedName, int created) {
        Organization byName(ImportRow row) {
            return byNormalizedName.get(Names.normalize(row.organizationName()));
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
        List<Long> ids = new ArrayList<>();
        for (List<String> chunk : chunks(numbers, 10_000)) {
            @SuppressWarnings("unchecked")
            List<Object> found = em.createNativeQuery("SELECT id FROM filing WHERE lower(filing_number) = ANY(CAST(?1 AS text[]))")
                    .setParameter(1, chunk.toArray(String[]::new)).getResultList();
            found.forEach(id -> ids.add(((Number) id).longValue()));
        }
        if (!sequences.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> found = em.createNativeQuery("""
                            SELECT f.id FROM filing f JOIN unnest(CAST(?1 AS text[]), CAST(?2 AS int[])) AS k(kind, seq)
                              ON f.kind = k.kind AND f.sequence_no = k.seq""")
                    .setParameter(1, kinds.toArray(String[]::new)).setParameter(2, sequences.toArray(Integer[]::new))
                    .getResultList();
            found.forEach(id -> ids.add(((Number) id).longValue()));
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
    private static FilingInput merged(Filing f, ImportRow row, Organization organization) {
        FilingInput current = FilingMapper.input(f);
        return new FilingInput(
                row.filingNumber() != null ? row.filingNumber() : current.filingNumber(),
                row.kind(),
                row.sequenceNo() != null ? row.sequenceNo() : current.sequenceNo(),
                row.name(),
                row.nameEn() != null ? row.nameEn() : current.nameEn(),
                organization.id, null,
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

    /** Writes new filings with COPY through a staging table, then their history and change events. */
    private void insert(List<ImportRow> rows, OrganizationResolution organizations, String actor) {
        if (rows.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(CHINA);
        bulk.execute("""
                CREATE TEMP TABLE IF NOT EXISTS filing_import (
                    filing_number text, kind text, sequence_no int, name text, name_en text, organization_id bigint,
                    jurisdiction text, filing_date date, publication_batch text, categories text[], sectors text[],
                    weights_access text, status text, status_history jsonb, source_list text, source_row int,
                    source_url text, search_text text) ON COMMIT DELETE ROWS""");
        bulk.copy("filing_import", "filing_number, kind, sequence_no, name, name_en, organization_id, jurisdiction, "
                + "filing_date, publication_batch, categories, sectors, weights_access, status, status_history, "
                + "source_list, source_row, source_url, search_text", data -> {
            for (ImportRow r : rows) {
                Organization o = organizations.byName(r);
                FilingStatus status = r.status() == null ? FilingStatus.ACTIVE : r.status();
                LocalDate since = r.filingDate() != null ? r.filingDate() : today;
                BulkWriter.field(data, r.filingNumber(), false);
                BulkWriter.field(data, r.kind(), false);
                BulkWriter.field(data, r.sequenceNo(), false);
                BulkWriter.field(data, r.name(), false);
                BulkWriter.field(data, r.nameEn(), false);
                BulkWriter.field(data, o.id, false);
                BulkWriter.field(data, r.jurisdiction(), false);
                BulkWriter.field(data, r.filingDate(), false);
                BulkWriter.field(data, r.publicationBatch(), false);
                BulkWriter.field(data, BulkWriter.arrayLiteral(r.categories()), false);
                BulkWriter.field(data, BulkWriter.arrayLiteral(r.sectors()), false);
                BulkWriter.field(data, r.weightsAccess(), false);
                BulkWriter.field(data, status, false);
                BulkWriter.field(data, "[{\"status\":\"" + status + "\",\"since\":\"" + since + "\"}]", false);
                BulkWriter.field(data, r.sourceList(), false);
                BulkWriter.field(data, r.sourceRow(), false);
                BulkWriter.field(data, r.sourceUrl(), false);
                BulkWriter.field(data, Names.searchText(r.name(), r.nameEn(), o.legalName, o.nameEn, r.filingNumber()), true);
            }
        });
        List<Object[]> inserted = bulk.query("""
                INSERT INTO filing (filing_number, kind, sequence_no, name, name_en, organization_id, jurisdiction,
                    filing_date, publication_batch, categories, sectors, weights_access, status, status_history,
                    source_list, source_row, source_url, search_text)
                SELECT filing_number, kind, sequence_no, name, name_en, organization_id, jurisdiction, filing_date,
                    publication_batch, categories, sectors, weights_access, status, status_history, source_list,
                    source_row, source_url, search_text
                FROM filing_import
                RETURNING id, lower(filing_number), kind, sequence_no, created_at""", 5);
        Map<String, Object[]> byKey = new HashMap<>();
        for (Object[] row : inserted) {
            byKey.put(row[1] != null ? "n:" + row[1] : "s:" + row[2] + "#" + row[3], row);
        }
        List<String[]> eventRows = new ArrayList<>(rows.size());
        for (ImportRow r : rows) {
            Object[] ids = byKey.get(r.filingNumber() != null ? "n:" + r.filingNumber().toLowerCase(Locale.ROOT)
                    : "s:" + r.kind() + "#" + r.sequenceNo());
            FilingView view = view(r, ((Number) ids[0]).longValue(), ((java.sql.Timestamp) ids[4]).toInstant(),
                    organizations.byName(r), today);
            eventRows.add(new String[]{String.valueOf(view.id()), write(view), history.diff(null, view).toString()});
        }
        bulk.copy("filing_history", "filing_id, actor, action, changes", data -> {
            for (String[] e : eventRows) {
                BulkWriter.field(data, e[0], false);
                BulkWriter.field(data, actor, false);
                BulkWriter.field(data, "IMPORTED", false);
                BulkWriter.field(data, e[2], true);
            }
        });
        bulk.copy("change_event", "type, entity_id, data", data -> {
            for (String[] e : eventRows) {
                BulkWriter.field(data, "filing.created", false);
                BulkWriter.field(data, e[0], false);
                BulkWriter.field(data, e[1], true);
            }
        });
        bulk.execute("SELECT pg_notify('" + ChangeEvents.CHANNEL + "', '')");
    }

    private static FilingView view(ImportRow r, long id, Instant createdAt, Organization o, LocalDate today) {
        FilingStatus status = r.status() == null ? FilingStatus.ACTIVE : r.status();
        SourceView source = r.sourceList() == null && r.sourceRow() == null && r.sourceUrl() == null
                ? null : new SourceView(r.sourceList(), r.sourceRow(), r.sourceUrl());
        return new FilingView(id, r.filingNumber(), r.kind(), r.name(), r.nameEn(),
                new FilingView.OrganizationRef(o.id, o.legalName, o.nameEn), r.jurisdiction(), r.filingDate(),
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
