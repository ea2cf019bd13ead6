package dev.beian.registry.importing;

import dev.beian.common.problem.ProblemException;
import dev.beian.common.problem.ProblemText;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.service.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the CAC's published table (or our export) as CSV with a header row. */
public final class CsvRowReader {

    /** Far more than any published list has (about 10); a wider header is refused before anything else is read. */
    static final int MAX_COLUMNS = 200;

    private CsvRowReader() {
    }

    public static ParsedInput read(Reader input) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(input, format)) {
            List<String> headers = parser.getHeaderNames();
            if (headers.size() > MAX_COLUMNS) {
                throw ProblemException.badRequest("The CSV header has " + headers.size() + " columns; a filing list has at most "
                        + MAX_COLUMNS);
            }
            Map<Integer, ImportField> columns = new java.util.HashMap<>();
            List<String> ignored = new ArrayList<>();
            FilingKind implied = null;
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i);
                Optional<ImportField> field = ImportField.ofHeader(header);
                if (field.isPresent() && !columns.containsValue(field.get())) {
                    columns.put(i, field.get());
                } else if (!header.isBlank()) {
                    ignored.add(header);
                }
                if (ImportField.headerMeansRegistration(header)) {
                    implied = FilingKind.REGISTRATION;
                } else if (header.contains("备案号") && implied == null) {
                    implied = FilingKind.FILING;
                }
            }
            if (!columns.containsValue(ImportField.NAME) || !columns.containsValue(ImportField.ORGANIZATION)) {
                throw ProblemException.badRequest("The CSV header must name at least the model/service name (模型名称 or name) "
                        + "and the filing entity (备案单位 or organization) columns; found " + named(headers));
            }
            List<RawRow> rows = new ArrayList<>();
            int rowNumber = 0;
            for (CSVRecord record : parser) {
                rowNumber++;
                Map<ImportField, String> values = new EnumMap<>(ImportField.class);
                columns.forEach((index, field) -> {
                    if (index < record.size()) {
                        values.put(field, SpreadsheetCells.restore(record.get(index)));
                    }
                });
                rows.add(new RawRow(rowNumber, values));
            }
            return new ParsedInput(rows, implied, ignored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            if (e instanceof UncheckedIOException u && u.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw ProblemException.badRequest("The CSV is not valid UTF-8");
            }
            throw ProblemException.badRequest("The CSV cannot be read: " + reason(e));
        }
    }

    /** The first headers, each cut short: the answer must not grow with a header of a million columns. */
    private static String named(List<String> headers) {
        return headers.stream().limit(20).map(h -> ProblemText.clip(h, 40)).toList()
                + (headers.size() > 20 ? " and " + (headers.size() - 20) + " more" : "");
    }

    /** The parser's own words (line and position), without the Java types its exceptions put before them. */
    private static String reason(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "malformed CSV" : cause.getMessage();
        return ProblemText.clip(ProblemText.withoutJavaTypes(message), 200);
    }
}
