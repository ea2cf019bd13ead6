package dev.beian.registry.importing;

import dev.beian.common.problem.ProblemException;
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

    private CsvRowReader() {
    }

    public static ParsedInput read(Reader input) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(input, format)) {
            List<String> headers = parser.getHeaderNames();
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
                        + "and the filing entity (备案单位 or organization) columns; found " + headers);
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
            throw ProblemException.badRequest("The CSV cannot be read: " + e.getMessage());
        }
    }
}
