package dev.beian.insights;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 49 real CAC rows (cac_filing_rows_seen.csv, copied into the test resources) as the registry would emit
 * them: one filing.created event per row. Jurisdictions as the lists write them (北京, 国资委) become codes;
 * each distinct filing entity becomes an organization, numbered from 1001 in order of first appearance; every
 * row is categorised TEXT (the rows do not say; these services are chat models).
 */
final class CacRows {

    /** The 属地 values that occur in the rows. */
    private static final Map<String, String> JURISDICTIONS = Map.of(
            "北京", "CN-BJ", "上海", "CN-SH", "贵州", "CN-GZ", "江苏", "CN-JS", "国资委", "SASAC");

    private CacRows() {
    }

    static List<JsonObject> events() {
        List<JsonObject> events = new ArrayList<>();
        Map<String, Long> organizations = new LinkedHashMap<>();
        for (String line : lines()) {
            String[] f = line.split(",", -1);
            int sequence = Integer.parseInt(f[0]);
            boolean registration = f[1].equals("registration");
            long id = registration ? 100_000 + sequence : sequence;
            long organization = organizations.computeIfAbsent(f[4], name -> 1001L + organizations.size());
            Events.Filing filing = (registration ? Events.registration(id) : Events.filing(id))
                    .name(f[3], null, f[5].isEmpty() ? null : f[5])
                    .org(organization, f[4], null)
                    .jurisdiction(f[2].isEmpty() ? null : JURISDICTIONS.get(f[2]))
                    .categories("TEXT");
            if (!f[6].isEmpty()) {
                String[] ymd = f[6].split("/");
                filing.date(LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2])));
            }
            events.add(filing.created());
        }
        return events;
    }

    private static List<String> lines() {
        try (InputStream in = CacRows.class.getResourceAsStream("/cac_filing_rows_seen.csv")) {
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\\R")));
            lines.remove(0);
            lines.removeIf(String::isBlank);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
