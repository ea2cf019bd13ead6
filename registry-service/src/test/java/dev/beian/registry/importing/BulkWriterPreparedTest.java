package dev.beian.registry.importing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows prepared on a worker thread reach the COPY whole and in order, a failure reaches it, and nothing leaks. */
class BulkWriterPreparedTest {

    private final BulkWriter bulk = new BulkWriter(null); // prepare() needs no database

    @Test
    void everyRowArrivesInOrderAcrossChunks() throws IOException {
        int rows = 200_000; // several one-megabyte chunks
        try (BulkWriter.Prepared prepared = bulk.prepare(data -> {
            for (int i = 0; i < rows; i++) {
                data.field(i, false);
                data.field("名称\t" + i, true);
            }
        })) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            int chunks = 0;
            for (byte[] chunk = prepared.next(); chunk != null; chunk = prepared.next()) {
                all.writeBytes(chunk);
                chunks++;
            }
            String[] lines = all.toString(StandardCharsets.UTF_8).split("\n");
            assertTrue(chunks > 1, "expected several chunks, got " + chunks);
            assertEquals(rows, lines.length);
            assertEquals("0\t名称\\t0", lines[0]);
            assertEquals((rows - 1) + "\t名称\\t" + (rows - 1), lines[rows - 1]);
        }
    }

    @Test
    void aFailureWhilePreparingFailsTheCopy() {
        try (BulkWriter.Prepared prepared = bulk.prepare(data -> {
            data.field("first", true);
            throw new IllegalStateException("row 2 cannot be written");
        })) {
            IOException failure = assertThrows(IOException.class, () -> {
                while (prepared.next() != null) {
                    // drain
                }
            });
            assertEquals("row 2 cannot be written", failure.getCause().getMessage());
        }
    }

    @Test
    void closingUnreadRowsStopsTheWorker() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        BulkWriter.Prepared prepared = bulk.prepare(data -> {
            try {
                for (long i = 0; ; i++) { // endless: only closing ends it
                    data.field(i, true);
                }
            } finally {
                stopped.countDown();
            }
        });
        Thread.sleep(200); // let it fill the queue and wait for room
        prepared.close();
        assertTrue(stopped.await(5, TimeUnit.SECONDS), "the worker still writes rows nobody will read");
    }
}
