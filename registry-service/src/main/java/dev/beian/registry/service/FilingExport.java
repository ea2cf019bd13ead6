package dev.beian.registry.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public void csv(FilingQuery query, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADERS).get())) {
            forEachPage(query, page -> {
                for (FilingView f : page) {
                    csv.printRecord(f.sequenceNo(), f.jurisdiction(), f.name(), f.organization().legalName(),
                            f.filingNumber(), f.filingDate(), f.kind(), f.nameEn(), String.join(";", f.categories()),
                            String.join(";", f.sectors()), f.weightsAccess(), f.status(), f.publicationBatch(),
                            f.source() == null ? null : f.source().list(), f.source() == null ? null : f.source().row(),
                            f.source() == null ? null : f.source().url());
                }
                csv.flush();
            });
        }
    }

    public void ndjson(FilingQuery query, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        forEachPage(query, page -> {
            for (FilingView f : page) {
                writer.write(json.writeValueAsString(f));
                writer.write('\n');
            }
            writer.flush();
        });
        writer.flush();
    }

    private void forEachPage(FilingQuery query, PageConsumer consumer) throws IOException {
        ObjectNode after = null;
        while (true) {
            ObjectNode position = after;
            List<FilingSearch.Row> rows = search.rows(query, position, PAGE);
            consumer.accept(rows.stream().map(FilingSearch.Row::view).toList());
            if (rows.size() < PAGE) {
                return;
            }
            FilingSearch.Row last = rows.get(rows.size() - 1);
            after = Cursors.decode(search.cursorAfter(query.sort(), last));
        }
    }

    @FunctionalInterface
    interface PageConsumer {
        void accept(List<FilingView> page) throws IOException;
    }
}
