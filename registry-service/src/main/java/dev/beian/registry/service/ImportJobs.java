package dev.beian.registry.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.common.problem.Problem;
import dev.beian.common.problem.Problems;
import dev.beian.registry.api.ImportJobView;
import dev.beian.registry.api.ImportReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The stored state of import jobs. A job's worker holds a PostgreSQL advisory lock on the job (see
 * {@link ImportJobRunner}) from creation to its end; a QUEUED or RUNNING job whose lock nobody holds was cut
 * off (its process died, on this replica or another) and is marked FAILED: the import is one transaction, so
 * nothing of it was written.
 */
@ApplicationScoped
public class ImportJobs {

    /** First key of the jobs' two-key advisory locks (the second is the job id); "BJ" in ASCII. */
    static final int LOCK_SPACE = 0x424A;
    public static final String PATH = "/api/v1/imports/";

    private final EntityManager em;
    private final ObjectMapper json;

    public ImportJobs(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ImportJobView create(long id, int rowsReceived, String actor) {
        em.createNativeQuery("INSERT INTO import_job (id, actor, rows_received) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, actor).setParameter(3, rowsReceived).executeUpdate();
        return find(id).orElseThrow();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void started(long id) {
        em.createNativeQuery("UPDATE import_job SET state = 'RUNNING', stage = 'checking', started_at = now() WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Progress, committed on its own so that readers see it while the import's transaction is still open. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(long id, String stage, int checked, int written) {
        em.createNativeQuery("""
                        UPDATE import_job SET stage = ?2, rows_checked = ?3, rows_written = ?4
                        WHERE id = ?1 AND state = 'RUNNING'""")
                .setParameter(1, id).setParameter(2, stage).setParameter(3, checked).setParameter(4, written)
                .executeUpdate();
    }

    /**
     * The report, in the import's own transaction so that it is stored exactly when the import's rows are (a dry
     * run, whose transaction is rolled back, stores it in one of its own).
     */
    @Transactional
    public void succeeded(long id, ImportReport report) {
        em.createNativeQuery("""
                        UPDATE import_job SET state = 'SUCCEEDED', stage = 'done', report = ?2, finished_at = now(),
                               rows_checked = rows_received, rows_written = ?3
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, write(report))
                .setParameter(3, report.created() + report.updated() + report.unchanged()).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long id, Problem problem) {
        em.createNativeQuery("""
                        UPDATE import_job SET state = 'FAILED', stage = 'failed', problem = ?2, rows_written = 0,
                               finished_at = now()
                        WHERE id = ?1 AND state IN ('QUEUED', 'RUNNING')""")
                .setParameter(1, id).setParameter(2, write(problem)).executeUpdate();
    }

    /**
     * Marks every unfinished job that no live worker holds as failed (or only job {@code id} when given), and
     * returns how many. Taking the job's lock for this transaction proves that no worker holds it.
     */
    @Transactional
    public int failAbandoned(Long id) {
        Problem problem = Problems.of(500, "import-interrupted", "Import interrupted",
                "The registry stopped while this import was queued or running; nothing of it was written. Upload it again.",
                null, List.of());
        return em.createNativeQuery("""
                        UPDATE import_job SET state = 'FAILED', stage = 'failed', problem = ?1, rows_written = 0,
                               finished_at = now()
                        WHERE state IN ('QUEUED', 'RUNNING') AND (CAST(?2 AS bigint) IS NULL OR id = ?2)
                          AND pg_try_advisory_xact_lock(?3, CAST(id AS integer))""")
                .setParameter(1, write(problem)).setParameter(2, id).setParameter(3, LOCK_SPACE).executeUpdate();
    }

    /** The job, after checking that an unfinished one still has a live worker. */
    public Optional<ImportJobView> get(long id) {
        Optional<ImportJobView> job = find(id);
        if (job.isPresent() && !job.get().finished() && failAbandoned(id) > 0) {
            return find(id);
        }
        return job;
    }

    @SuppressWarnings("unchecked")
    private Optional<ImportJobView> find(long id) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, state, stage, rows_received, rows_checked, rows_written, created_at, started_at,
                               finished_at, report, problem
                        FROM import_job WHERE id = ?1""")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new ImportJobView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), time(r[6]),
                time(r[7]), time(r[8]), read((String) r[9], ImportReport.class), read((String) r[10], Problem.class)));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return text == null ? null : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored import job is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
