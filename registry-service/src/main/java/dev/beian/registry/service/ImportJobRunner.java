package dev.beian.registry.service;

import dev.beian.common.problem.DatabaseFaults;
import dev.beian.common.problem.Problem;
import dev.beian.common.problem.ProblemException;
import dev.beian.common.problem.Problems;
import dev.beian.registry.api.ImportReport;
import dev.beian.registry.importing.ImportOptions;
import dev.beian.registry.importing.ImportProgress;
import dev.beian.registry.importing.ParsedInput;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Runs imports as jobs, one at a time (imports serialize on a database lock anyway), with a few more queued.
 * Each job's worker holds a PostgreSQL session advisory lock on the job's id from before the job's row is
 * committed until it ends, on a connection of its own: if the process dies, the lock goes with the session,
 * and {@link ImportJobs#failAbandoned} can tell a cut-off job from one still running on another replica.
 */
@ApplicationScoped
public class ImportJobRunner {

    private static final Logger LOG = Logger.getLogger(ImportJobRunner.class);
    /** Jobs queued or running in this process; the upload of each is held in memory until it ends. */
    static final int MAX_JOBS = 4;

    private final Semaphore slots = new Semaphore(MAX_JOBS);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "import-job");
        thread.setDaemon(true);
        return thread;
    });
    private final AgroalDataSource dataSource;
    private final ImportJobs jobs;
    private final ImportCommands commands;

    public ImportJobRunner(AgroalDataSource dataSource, ImportJobs jobs, ImportCommands commands) {
        this.dataSource = dataSource;
        this.jobs = jobs;
        this.commands = commands;
    }

    void failJobsCutOffByARestart(@Observes StartupEvent event) {
        try {
            int failed = jobs.failAbandoned(null);
            if (failed > 0) {
                LOG.warnf("%d import job(s) were cut off by a restart; marked failed (nothing of them was written)", failed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not check for import jobs cut off by a restart: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Creates a job for the upload and starts it after the answer is stored: a 202 naming the job, or, for a
     * retried Idempotency-Key, the first answer to it (then no new job runs).
     */
    public Idempotency.StoredResponse submit(ParsedInput input, ImportOptions options, String idempotencyKey,
                                             String requestHash, String actor) {
        Idempotency.checkKey(idempotencyKey);
        if (!slots.tryAcquire()) {
            throw new ProblemException(503, "busy", "Service busy", MAX_JOBS
                    + " imports are already queued or running here; retry shortly", List.of(),
                    Map.of("Retry-After", Integer.toString(DatabaseFaults.RETRY_AFTER_SECONDS)));
        }
        Connection lock = null;
        long id = -1;
        boolean started = false;
        try {
            lock = dataSource.getConnection();
            id = nextId(lock);
            lock(lock, "pg_advisory_lock", id);
            Idempotency.StoredResponse answer = commands.createJob(id, input.rows().size(), options, idempotencyKey,
                    requestHash, actor);
            if (!answer.replayed()) {
                long job = id;
                Connection held = lock;
                worker.execute(() -> run(job, held, input, options, actor));
                started = true;
            }
            return answer;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start an import job", e);
        } finally {
            if (!started) {
                release(lock, id);
            }
        }
    }

    private void run(long id, Connection lock, ParsedInput input, ImportOptions options, String actor) {
        try {
            jobs.started(id);
            ImportReport report = commands.runJob(id, input, options, actor, new JobProgress(id, jobs));
            if (options.dryRun()) {
                jobs.succeeded(id, report);
            }
        } catch (ProblemException e) {
            fail(id, Problems.of(e.status(), e.slug(), e.title(), e.getMessage(), ImportJobs.PATH + id, e.errors()));
        } catch (RuntimeException e) {
            if (DatabaseFaults.unavailable(e)) {
                LOG.warnf("Import job %d failed, the database became unavailable: %s", id, e.getMessage());
                fail(id, Problems.of(503, "unavailable", "Service unavailable",
                        "The database could not be reached during the import; nothing was written. Upload it again.",
                        ImportJobs.PATH + id, List.of()));
            } else {
                LOG.errorf(e, "Import job %d failed", id);
                fail(id, Problems.of(500, "internal", "Internal error",
                        "The import failed; nothing was written. Quote the job id to support.", ImportJobs.PATH + id, List.of()));
            }
        } finally {
            release(lock, id);
        }
    }

    private void fail(long id, Problem problem) {
        try {
            jobs.failed(id, problem);
        } catch (RuntimeException e) {
            // The lock is released below, so the next read or startup marks the job failed instead.
            LOG.warnf("Could not record the failure of import job %d: %s", id, e.getMessage());
        }
    }

    private void release(Connection lock, long id) {
        try {
            if (lock != null) {
                try {
                    if (id > 0) {
                        lock(lock, "pg_advisory_unlock", id);
                    }
                } finally {
                    lock.close();
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not release the lock of import job %d: %s", id, e.getMessage());
        } finally {
            slots.release();
        }
    }

    private static long nextId(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT nextval(pg_get_serial_sequence('import_job', 'id'))");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void lock(Connection connection, String function, long id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            ps.setInt(1, ImportJobs.LOCK_SPACE);
            ps.setInt(2, Math.toIntExact(id));
            ps.executeQuery().close();
        }
    }

    /** Reports progress to the job's row at most twice a second, and at every change of stage. */
    private static final class JobProgress implements ImportProgress {
        private static final long INTERVAL_NANOS = 500_000_000L;

        private final long id;
        private final ImportJobs jobs;
        private String stage = "checking";
        private int checked;
        private int written;
        private long last = System.nanoTime();

        JobProgress(long id, ImportJobs jobs) {
            this.id = id;
            this.jobs = jobs;
        }

        @Override
        public void stage(String stage) {
            this.stage = stage;
            save();
        }

        @Override
        public void checked(int rows) {
            checked = rows;
            saveEvery();
        }

        @Override
        public void written(int rows) {
            written = rows;
            saveEvery();
        }

        private void saveEvery() {
            if (System.nanoTime() - last >= INTERVAL_NANOS) {
                save();
            }
        }

        private void save() {
            last = System.nanoTime();
            jobs.progress(id, stage, checked, written);
        }
    }
}
