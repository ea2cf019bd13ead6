package dev.beian.common.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Deals with a PostgreSQL server left behind by a Java process that was killed (kill -9): the postgres child
 * survives, keeps its {@code postmaster.pid} and holds the port, so a new start would fail. We ask it to
 * shut down (it flushes what was committed), and only kill it if it does not go.
 */
final class StalePostmaster {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StalePostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            // The server is gone; postgres itself would also accept this file, unless its pid was reused.
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = postmaster.get();
        System.err.printf("Embedded PostgreSQL (pid %d) from an earlier run still holds %s; stopping it%n",
                process.pid(), dataDirectory);
        fastShutdown(process);
        if (!awaitExit(process, GRACE)) {
            process.destroyForcibly();
            awaitExit(process, GRACE);
        }
        Files.deleteIfExists(pidFile);
    }

    /** SIGINT is PostgreSQL's "fast" shutdown: it ends sessions, checkpoints and exits; nothing committed is lost. */
    private static void fastShutdown(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("postgres")).orElse(true);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }
}
