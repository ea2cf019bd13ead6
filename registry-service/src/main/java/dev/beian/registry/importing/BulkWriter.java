package dev.beian.registry.importing;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes many rows fast with PostgreSQL's COPY, on the connection of the current transaction. Used by imports,
 * where one INSERT per row would be far below the 20,000 rows/s target on a fully indexed table.
 */
@ApplicationScoped
public class BulkWriter {

    private final AgroalDataSource dataSource;

    public BulkWriter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes the rows of one COPY. */
    @FunctionalInterface
    public interface Rows {
        void write(CopySink sink) throws IOException;
    }

    /** Streams rows into {@code table (columns)} in COPY text format, a megabyte at a time. */
    public long copy(String table, String columns, Rows rows) {
        return copyIn(table, columns, copy -> {
            CopySink sink = new CopySink(bytes -> write(copy, bytes));
            rows.write(sink);
            sink.flush();
        });
    }

    /** Streams rows that another thread is preparing (see {@link #prepare}) into {@code table (columns)}. */
    public long copy(String table, String columns, Prepared rows) {
        return copyIn(table, columns, copy -> {
            for (byte[] chunk = rows.next(); chunk != null; chunk = rows.next()) {
                write(copy, chunk);
            }
        });
    }

    /**
     * Starts writing rows in COPY text format on a worker thread, at most {@value Prepared#CHUNKS_AHEAD} megabytes
     * ahead of the COPY that will take them: while the database is busy with one COPY, the rows of the next are
     * made ready. The caller must {@link Prepared#close() close} it, used or not.
     */
    public Prepared prepare(Rows rows) {
        Prepared prepared = new Prepared();
        Infrastructure.getDefaultWorkerPool().execute(() -> prepared.produce(rows));
        return prepared;
    }

    private interface CopyBody {
        void write(CopyIn copy) throws IOException;
    }

    private long copyIn(String table, String columns, CopyBody body) {
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
            try {
                body.write(copy);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        }
    }

    private static void write(CopyIn copy, byte[] bytes) throws IOException {
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /** Where a sink's chunks go. */
    @FunctionalInterface
    interface ChunkOutput {
        void write(byte[] chunk) throws IOException;
    }

    /** Buffers fields in COPY text format and hands them on in large chunks. */
    public static final class CopySink {
        private static final int CHUNK = 1 << 20;
        private final ChunkOutput output;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

        CopySink(ChunkOutput output) {
            this.output = output;
        }

        public void field(Object value, boolean last) throws IOException {
            BulkWriter.field(buffer, value, last);
            if (last && buffer.length() >= CHUNK) {
                flush();
            }
        }

        void flush() throws IOException {
            if (buffer.isEmpty()) {
                return;
            }
            output.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        }
    }

    /** Rows in COPY text format made by a worker thread, handed over through a bounded queue of chunks. */
    public static final class Prepared implements AutoCloseable {
        static final int CHUNKS_AHEAD = 32;
        private static final byte[] END = new byte[0];

        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        private volatile boolean closed;
        private volatile Throwable failure;

        private void produce(Rows rows) {
            try {
                CopySink sink = new CopySink(this::hand);
                rows.write(sink);
                sink.flush();
            } catch (Throwable e) {
                failure = e;
            }
            try {
                hand(END);
            } catch (IOException abandoned) {
                // closed: nobody waits for the end
            }
        }

        /** Waits for room in the queue, giving up once the consumer has closed it. */
        private void hand(byte[] chunk) throws IOException {
            try {
                while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        throw new IOException("abandoned");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        /** The next chunk, or null after the last; fails if the rows could not be written. */
        byte[] next() throws IOException {
            byte[] chunk;
            try {
                chunk = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (chunk == END) {
                if (failure != null) {
                    throw new IOException("preparing the rows failed", failure);
                }
                return null;
            }
            return chunk;
        }

        /** Lets the worker stop (and its chunks be collected) if the rows were not all taken. */
        @Override
        public void close() {
            closed = true;
            chunks.clear();
        }
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    /**
     * Runs a query on the transaction's connection and returns each row's columns. Parameters may be
     * String[] or Integer[] (bound as text[] / int[]) or plain values.
     */
    public List<Object[]> query(String sql, int columns, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof String[] texts) {
                    ps.setArray(i + 1, connection.createArrayOf("text", texts));
                } else if (p instanceof Integer[] ints) {
                    ps.setArray(i + 1, connection.createArrayOf("int4", ints));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Appends one value in COPY text format: \N for null, with backslash, tab and newline escaped. */
    public static StringBuilder field(StringBuilder row, Object value, boolean last) {
        if (value == null) {
            row.append("\\N");
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> row.append("\\\\");
                    case '\t' -> row.append("\\t");
                    case '\n' -> row.append("\\n");
                    case '\r' -> row.append("\\r");
                    default -> row.append(c);
                }
            }
        }
        return row.append(last ? '\n' : '\t');
    }

    /** A text[] literal for COPY: {"A","B"}. */
    public static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }
}
