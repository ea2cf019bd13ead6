package dev.beian.insights;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Insights keeps its own copy of the reference vocabularies (it never reads the registry's tables), so the two
 * copies must not drift: a code the registry accepts but insights does not know would make insights refuse
 * a filter or drop a filing's label. This compares every row insights' migrations insert into jurisdiction,
 * category and sector with the registry's, on the columns insights keeps. It reads the registry module's
 * migrations from the source tree, which Maven runs this test beside.
 */
class VocabularyDriftTest {

    private static final Path INSIGHTS = Path.of("src/main/resources/db/migration");
    private static final Path REGISTRY = Path.of("../registry-service/src/main/resources/db/migration");
    private static final List<String> TABLES = List.of("jurisdiction", "category", "sector");
    private static final List<String> COLUMNS = List.of("code", "name_zh", "name_en", "sort_order");
    private static final Pattern INSERT = Pattern.compile(
            "INSERT INTO (\\w+) \\(([^)]*)\\) VALUES(.*?);", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("\\(((?:'[^']*'|[^()'])*)\\)");
    private static final Pattern VALUE = Pattern.compile("\\s*('(?:[^']|'')*'|[^,]+?)\\s*(?:,|$)");

    @Test
    void insightsHoldsTheRegistrysVocabularies() throws IOException {
        Map<String, Map<String, List<String>>> registry = vocabularies(REGISTRY);
        Map<String, Map<String, List<String>>> insights = vocabularies(INSIGHTS);
        for (String table : TABLES) {
            assertFalse(registry.getOrDefault(table, Map.of()).isEmpty(), "registry rows of " + table);
            assertEquals(registry.get(table), insights.get(table), "rows of " + table + " (code -> "
                    + COLUMNS.subList(1, COLUMNS.size()) + ")");
        }
    }

    /** Table -> code -> the values of {@link #COLUMNS} after the code, from every INSERT in the migrations. */
    private static Map<String, Map<String, List<String>>> vocabularies(Path migrations) throws IOException {
        Map<String, Map<String, List<String>>> tables = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(migrations)) {
            files = list.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path file : files) {
            Matcher insert = INSERT.matcher(Files.readString(file));
            while (insert.find()) {
                if (!TABLES.contains(insert.group(1))) {
                    continue;
                }
                List<String> columns = List.of(insert.group(2).split("\\s*,\\s*"));
                Matcher row = ROW.matcher(insert.group(3));
                while (row.find()) {
                    List<String> values = values(row.group(1));
                    List<String> kept = new ArrayList<>();
                    for (String column : COLUMNS.subList(1, COLUMNS.size())) {
                        kept.add(values.get(columns.indexOf(column)));
                    }
                    tables.computeIfAbsent(insert.group(1), t -> new TreeMap<>())
                            .put(values.get(columns.indexOf("code")), kept);
                }
            }
        }
        return tables;
    }

    private static List<String> values(String row) {
        List<String> values = new ArrayList<>();
        Matcher value = VALUE.matcher(row);
        while (value.find() && !value.group(1).isEmpty()) {
            values.add(value.group(1));
            if (value.hitEnd()) {
                break;
            }
        }
        return values;
    }
}
