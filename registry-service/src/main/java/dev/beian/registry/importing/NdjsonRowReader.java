package dev.beian.registry.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.beian.common.problem.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON Lines: one filing per line, with the field names of the API (as our NDJSON export writes them,
 * so {@code organization.legalName} works as well as {@code organizationName}). A line that is not a JSON
 * object is a rejected row, not a failed upload.
 */
public final class NdjsonRowReader {

    private NdjsonRowReader() {
    }

    public static ParsedInput read(Reader input, ObjectMapper json) {
        List<RawRow> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(input)) {
            String line;
            int rowNumber = 0;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                rowNumber++;
                Map<ImportField, String> values = new EnumMap<>(ImportField.class);
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    rows.add(RawRow.unreadable(rowNumber, "line is not valid JSON"));
                    continue;
                }
                if (!node.isObject()) {
                    rows.add(RawRow.unreadable(rowNumber, "line is not a JSON object"));
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    valueOf(field.getKey(), field.getValue()).ifPresent(value ->
                            ImportField.ofHeader(field.getKey()).ifPresent(f -> values.put(f, value)));
                }
                JsonNode organization = node.path("organization");
                if (organization.isObject() && organization.hasNonNull("legalName")) {
                    values.put(ImportField.ORGANIZATION, organization.get("legalName").asText());
                }
                JsonNode source = node.path("source");
                if (source.isObject()) {
                    putText(values, ImportField.SOURCE_LIST, source.path("list"));
                    putText(values, ImportField.SOURCE_ROW, source.path("row"));
                    putText(values, ImportField.SOURCE_URL, source.path("url"));
                }
                rows.add(new RawRow(rowNumber, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw ProblemException.badRequest("The upload is not valid UTF-8");
        }
        return new ParsedInput(rows, null, List.of());
    }

    private static Optional<String> valueOf(String name, JsonNode value) {
        if (value.isNull() || value.isObject()) {
            return Optional.empty();
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return Optional.of(String.join(";", parts));
        }
        return Optional.of(value.asText());
    }

    private static void putText(Map<ImportField, String> values, ImportField field, JsonNode node) {
        if (!node.isMissingNode() && !node.isNull()) {
            values.put(field, node.asText());
        }
    }
}
