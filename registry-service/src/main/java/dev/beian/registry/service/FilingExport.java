package dev.beian.registry.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.registry.api.FilingView;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Streams a whole filtered list as CSV or JSON Lines, page by page in keyset order, so an export of a million
 * filings never sits in memory. The CSV uses the import's English headers, so an export imports again.
 */
@ApplicationScoped
public class FilingExport {

    static final String[] CSV_HEADERS = {"sequenceNo", "jurisdiction", "name", "organization", "filingNumber",
            "filingDate", "kind", "nameEn", "categories", "sectors", "weightsAccess", "status", "publicationBatch",
            "sourceList", "sourceRow", "sourceUrl"};
    private static final int PAGE = 1000;

    private final FilingSearch search;
    private final ObjectMapper json;

    public FilingExport(FilingSearch search, ObjectMapper json) {
        this.search = search;
        this.json = json;
    }

    /**
     * The CSV export of {@code query}, its first page already read: a query that fails does so here, before the
     * caller has sent a status line, so it can still answer with a problem.
     */
    public Body csv(FilingQuery query) {
        List<FilingSearch.Row> first = firstPage(query);
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADERS).get());
            forEachPage(query, first, page -> {
                for (FilingView f : page) {
                    csv.printRecord(Stream.of(f.sequenceNo(), f.jurisdiction(), f.name(), f.organization().legalName(),
                            f.filingNumber(), f.filingDate(), f.kind(), f.nameEn(), String.join(";", f.categories()),
                            String.join(";", f.sectors()), f.weightsAccess(), f.status(), f.publicationBatch(),
                            f.source() == null ? null : f.source().list(), f.source() == null ? null : f.source().row(),
                            f.source() == null ? null : f.source().url()).map(SpreadsheetCells::neutralize));
                }
                csv.flush();
            });
            // Closed only on success: a failure must not flush a tidy ending after a partial export.
            csv.close();
        };
    }

    /** The JSON Lines export of {@code query}, its first page already read (see {@link #csv}). */
    public Body ndjson(FilingQuery query) {
        List<FilingSearch.Row> first = firstPage(query);
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            forEachPage(query, first, page -> {
                for (FilingView f : page) {
                    writer.write(json.writeValueAsString(f));
                    writer.write('\n');
                }
                writer.flush();
            });
        };
    }

    private List<FilingSearch.Row> firstPage(FilingQuery query) {
        return search.rows(query, null, PAGE);
    }

    /** Hands {@code first} and then every following page to {@code consumer}, reading one page at a time. */
    private void forEachPage(FilingQuery query, List<FilingSearch.Row> first, PageConsumer consumer) throws IOException {
        List<FilingSearch.Row> rows = first;
        while (true) {
            consumer.accept(rows.stream().map(FilingSearch.Row::view).toList());
            if (rows.size() < PAGE) {
                return;
            }
            FilingSearch.Row last = rows.get(rows.size() - 1);
            rows = search.rows(query, Cursors.decode(search.cursorAfter(query.sort(), last)), PAGE);
        }
    }

    /** The rest of an export, written once the answer's status line is out. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    interface PageConsumer {
        void accept(List<FilingView> page) throws IOException;
    }
}
