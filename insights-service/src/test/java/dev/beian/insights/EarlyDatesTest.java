package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Filings and deployments dated from 2010 on (most of them before 2020), with updates, deletions, status
 * changes, registrations on base filings, undated items and two dates stored before the registry checked its
 * range (1970 and 2070): every breakdown, under many filters, equals counts made here from the final states
 * alone, without the day index. Until the index reached back before 2020, everything dated earlier was counted
 * on 2020-01-01 and asOf/from before 2020 were refused.
 */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class EarlyDatesTest extends FeedDrivenTest {

    private static final List<String> JURISDICTIONS = java.util.Arrays.asList("CN-BJ", "CN-SH", "CN-GD", "CN-ZJ", "SASAC", null);
    private static final List<String> CATEGORIES = List.of("TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "MULTIMODAL");
    private static final List<String> WEIGHTS = java.util.Arrays.asList("OPEN", "API_ONLY", "CLOSED", null);
    private static final List<String> LATER_STATUSES = List.of("SUSPENDED", "WITHDRAWN", "REVOKED");
    private static final List<String> STATUSES = List.of("ACTIVE", "SUSPENDED", "WITHDRAWN", "REVOKED");
    private static final List<String> REGIONS = List.of("CN-GD", "CN-BJ", "CN-ZJ", "SG");
    private static final List<String> SECTORS = List.of("FINANCE", "EDUCATION", "GOVERNMENT");
    private static final LocalDate START = LocalDate.of(2010, 1, 1);
    private static final LocalDate END = LocalDate.of(2025, 12, 31);
    private static final String TOTALS = "/api/v1/insights/official-totals/";
    private static final List<String> EARLY_TOTALS = List.of("2015-12-31", "2019-12-31");

    /** A status in force from {@code since} on. */
    record Step(String status, LocalDate since) {
    }

    /** A filing's final state. */
    record Filing(long id, String kind, String jurisdiction, LocalDate date, List<String> categories, String weights,
                  Long org, Long base, List<Step> history, boolean deleted) {
        String status() {
            return history.isEmpty() ? "ACTIVE" : history.get(history.size() - 1).status();
        }

        /** The status in force at the end of {@code day} (the filing is dated on or before it). */
        String statusOn(LocalDate day) {
            String status = history.get(0).status();
            for (Step step : history) {
                if (!step.since().isAfter(day)) {
                    status = step.status();
                }
            }
            return status;
        }
    }

    record Deployment(long id, long filingId, String region, String sector, LocalDate since, boolean deleted) {
    }

    /** The days a breakdown counts, as documented: no bound is everything, undated included. */
    record Window(String query, LocalDate from, LocalDate to, LocalDate asOf) {
        boolean whole() {
            return from == null && to == null && asOf == null;
        }

        boolean holds(LocalDate date) {
            if (whole()) {
                return true;
            }
            LocalDate upper = to == null ? asOf : asOf == null ? to : (asOf.isBefore(to) ? asOf : to);
            return date != null && (from == null || !date.isBefore(from)) && (upper == null || !date.isAfter(upper));
        }
    }

    private static final List<Window> WINDOWS = List.of(
            new Window("", null, null, null),
            new Window("asOf=2012-06-30", null, null, LocalDate.of(2012, 6, 30)),
            new Window("asOf=2015-06-30", null, null, LocalDate.of(2015, 6, 30)),
            new Window("asOf=2019-12-31", null, null, LocalDate.of(2019, 12, 31)),
            new Window("asOf=2020-01-01", null, null, LocalDate.of(2020, 1, 1)),
            new Window("asOf=2023-08-31", null, null, LocalDate.of(2023, 8, 31)),
            new Window("asOf=1980-01-01", null, null, LocalDate.of(1980, 1, 1)),
            new Window("from=1980-01-01", LocalDate.of(1980, 1, 1), null, null),
            new Window("from=2010-01-01&to=2019-12-31", LocalDate.of(2010, 1, 1), LocalDate.of(2019, 12, 31), null),
            new Window("from=2014-03-01&to=2021-06-30", LocalDate.of(2014, 3, 1), LocalDate.of(2021, 6, 30), null),
            new Window("from=2016-01-01&asOf=2018-05-20", LocalDate.of(2016, 1, 1), null, LocalDate.of(2018, 5, 20)),
            new Window("to=2063-12-31", null, LocalDate.of(2063, 12, 31), null));

    private final List<Filing> filings = new ArrayList<>();
    private final List<Deployment> deployments = new ArrayList<>();

    /** The stand-in's last cursor after this class loaded its feed (cursors name the feed they belong to). */
    private static String loadedCursor;

    @BeforeEach
    void loadEarlyHistory() throws Exception {
        List<JsonObject> events = history();
        // The tests only read, so the feed is loaded once, unless another test replaced it meanwhile.
        if (loadedCursor == null || !loadedCursor.equals(registry().lastCursor())) {
            load(events);
            loadedCursor = registry().lastCursor();
        }
    }

    @AfterEach
    void removeEarlyTotals() {
        for (String date : EARLY_TOTALS) {
            String etag = given().get(TOTALS + date).header("ETag");
            if (etag != null) {
                given().header("If-Match", etag).delete(TOTALS + date).then().statusCode(204);
            }
        }
    }

    @Test
    void summaryAtEveryDate() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (Window w : WINDOWS) {
            if (w.from() != null || w.to() != null) {
                continue;
            }
            JsonObject s = json("/api/v1/insights/summary" + (w.query().isEmpty() ? "" : "?" + w.query()));
            List<Filing> counted = counted(w, f -> true);
            String at = w.query();
            assertEquals(counted.size(), s.getLong("total"), at);
            Map<String, Map<String, Long>> byKindStatus = new TreeMap<>();
            for (Filing f : counted) {
                byKindStatus.computeIfAbsent(f.kind(), k -> zeros(STATUSES))
                        .merge(w.asOf() == null ? f.status() : f.statusOn(w.asOf()), 1L, Long::sum);
            }
            for (String kind : List.of("FILING", "REGISTRATION")) {
                Map<String, Long> expected = byKindStatus.getOrDefault(kind, zeros(STATUSES));
                JsonObject ofKind = find(s.getJsonArray("byKind"), "kind", kind);
                assertEquals(expected, longs(ofKind.getJsonObject("byStatus")), at + " " + kind);
                assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(), ofKind.getLong("count"),
                        at + " " + kind);
            }
            Map<String, Long> byStatus = zeros(STATUSES);
            byKindStatus.values().forEach(m -> m.forEach((k, v) -> byStatus.merge(k, v, Long::sum)));
            assertEquals(byStatus, longs(s.getJsonObject("byStatus")), at);

            LocalDate recentEnd = w.asOf() == null ? today : w.asOf();
            Window recent = new Window("recent", recentEnd.minusDays(29), recentEnd, null);
            List<Filing> recentFilings = counted(recent, f -> true);
            assertEquals(recentFilings.size(), s.getJsonObject("newInLast30Days").getLong("count"), at);
            assertEquals(byKind(recentFilings), longs(s.getJsonObject("newInLast30Days").getJsonObject("byKind")), at);

            // Organizations holding a filing dated up to asOf (any filing when asOf is absent).
            assertEquals(counted.stream().map(Filing::org).filter(Objects::nonNull).distinct().count(),
                    s.getLong("organizations"), at);
            assertEquals(counted.stream().map(Filing::jurisdiction).filter(Objects::nonNull).distinct().count(),
                    s.getLong("jurisdictions"), at);
            assertEquals(live().filter(f -> f.date() == null).count(), s.getLong("undated"), at);
        }
        // The early years really are in the data: 2010-2019 hold most of it.
        int early = counted(WINDOWS.get(3), f -> true).size();
        assertTrue(early > 40, "only " + early + " filings dated before 2020");
    }

    @Test
    void categoriesForEveryWindowKindAndJurisdiction() {
        for (Window w : WINDOWS) {
            for (String kind : java.util.Arrays.asList(null, "FILING", "REGISTRATION")) {
                for (String jurisdiction : java.util.Arrays.asList(null, "CN-BJ", "SASAC")) {
                    String query = join(w.query(), kind == null ? "" : "kind=" + kind,
                            jurisdiction == null ? "" : "jurisdiction=" + jurisdiction);
                    JsonObject c = json("/api/v1/insights/categories" + query);
                    List<Filing> counted = counted(w, f -> (kind == null || kind.equals(f.kind()))
                            && (jurisdiction == null || jurisdiction.equals(f.jurisdiction())));
                    assertEquals(counted.size(), c.getLong("filings"), query);
                    Map<String, Long> expected = zeros(CATEGORIES);
                    counted.forEach(f -> f.categories().forEach(cat -> expected.merge(cat, 1L, Long::sum)));
                    assertEquals(expected, pairs(c.getJsonArray("categories"), "category"), query);
                }
            }
        }
    }

    @Test
    void regionsAndAdoptionForEveryWindow() {
        for (Window w : WINDOWS) {
            for (String kind : java.util.Arrays.asList(null, "REGISTRATION")) {
                String query = join(w.query(), kind == null ? "" : "kind=" + kind);
                JsonObject r = json("/api/v1/insights/regions" + query);
                List<Filing> counted = counted(w, f -> kind == null || kind.equals(f.kind()));
                assertEquals(counted.size(), r.getLong("filings"), query);
                Map<String, Long> byJurisdiction = new TreeMap<>();
                counted.stream().filter(f -> f.jurisdiction() != null)
                        .forEach(f -> byJurisdiction.merge(f.jurisdiction(), 1L, Long::sum));
                assertEquals(byJurisdiction, nonZero(pairs(r.getJsonArray("jurisdictions"), "code")), query);
                assertEquals(counted.stream().filter(f -> f.jurisdiction() == null).count(),
                        r.getLong("unknownJurisdiction"), query);

                List<Deployment> adopted = deployments.stream().filter(d -> !d.deleted() && w.holds(d.since())).toList();
                JsonObject adoption = r.getJsonObject("adoption");
                assertEquals(adopted.size(), adoption.getLong("deployments"), query);
                assertEquals(adopted.stream().collect(Collectors.groupingBy(Deployment::region, TreeMap::new,
                        Collectors.counting())), nonZero(pairs(adoption.getJsonArray("byRegion"), "code")), query);
                assertEquals(adopted.stream().collect(Collectors.groupingBy(Deployment::sector, TreeMap::new,
                        Collectors.counting())), nonZero(pairs(adoption.getJsonArray("bySector"), "code")), query);
            }
        }
    }

    @Test
    void trendsPerPeriodAndCumulativeInEveryBucket() {
        for (String bucket : List.of("month", "quarter", "year")) {
            for (String mode : List.of("per-period", "cumulative")) {
                for (String kind : java.util.Arrays.asList(null, "REGISTRATION")) {
                    checkTrends(bucket, mode, kind, START, END);
                }
            }
        }
        // From the first accepted day: the year series starts in 1980, and cumulative counts include the
        // filing stored as 1970 (it was filed before each period's end).
        checkTrends("year", "cumulative", null, LocalDate.of(1980, 1, 1), LocalDate.of(2030, 12, 31));
        checkTrends("year", "per-period", null, LocalDate.of(1980, 1, 1), LocalDate.of(2030, 12, 31));
        checkTrends("month", "per-period", "FILING", LocalDate.of(2013, 2, 14), LocalDate.of(2020, 2, 10));
    }

    private void checkTrends(String bucket, String mode, String kind, LocalDate from, LocalDate to) {
        String query = "?bucket=" + bucket + "&mode=" + mode + "&from=" + from + "&to=" + to
                + (kind == null ? "" : "&kind=" + kind);
        JsonArray series = json("/api/v1/insights/trends" + query).getJsonArray("series");
        int months = bucket.equals("month") ? 1 : bucket.equals("quarter") ? 3 : 12;
        LocalDate start = LocalDate.of(from.getYear(), bucket.equals("year") ? 1
                : (from.getMonthValue() - 1) / months * months + 1, 1);
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Map<String, Long>> byKind = new ArrayList<>();
        for (; !start.isAfter(to); start = start.plusMonths(months)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            LocalDate upper = end.isAfter(to) ? to : end;
            LocalDate lower = start.isBefore(from) ? from : start;
            LocalDate periodStart = start;
            labels.add(switch (bucket) {
                case "month" -> String.format("%04d-%02d", periodStart.getYear(), periodStart.getMonthValue());
                case "quarter" -> periodStart.getYear() + "-Q" + ((periodStart.getMonthValue() - 1) / 3 + 1);
                default -> String.valueOf(periodStart.getYear());
            });
            List<Filing> counted = live().filter(f -> f.date() != null && !f.date().isAfter(upper)
                            && (mode.equals("cumulative") || !f.date().isBefore(lower))
                            && (kind == null || kind.equals(f.kind())))
                    .toList();
            counts.add((long) counted.size());
            Map<String, Long> kinds = kind == null ? byKind(counted) : new LinkedHashMap<>(Map.of(kind, (long) counted.size()));
            byKind.add(kinds);
        }
        assertEquals(labels, strings(series, "period"), query);
        assertEquals(counts, series.stream().map(p -> ((JsonObject) p).getLong("count")).toList(), query);
        for (int i = 0; i < labels.size(); i++) {
            assertEquals(byKind.get(i), longs(series.getJsonObject(i).getJsonObject("byKind")), query + " " + labels.get(i));
        }
    }

    @Test
    void organizationsRankedWithTheirCategoryMix() {
        for (String kind : java.util.Arrays.asList(null, "FILING", "REGISTRATION")) {
            String query = "?limit=100" + (kind == null ? "" : "&kind=" + kind);
            JsonArray ranked = json("/api/v1/insights/organizations" + query).getJsonArray("organizations");
            Map<Long, List<Filing>> byOrg = live().filter(f -> f.org() != null)
                    .collect(Collectors.groupingBy(Filing::org));
            List<Long> expectedOrder = byOrg.entrySet().stream()
                    .filter(e -> count(e.getValue(), kind) > 0)
                    .sorted(Comparator.<Map.Entry<Long, List<Filing>>>comparingLong(e -> -count(e.getValue(), kind))
                            .thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).toList();
            assertEquals(expectedOrder, ranked.stream().map(r -> ((JsonObject) r).getLong("organizationId")).toList(), query);
            for (int i = 0; i < expectedOrder.size(); i++) {
                List<Filing> held = byOrg.get(expectedOrder.get(i));
                String at = query + " org " + expectedOrder.get(i);
                JsonObject organization = ranked.getJsonObject(i);
                assertEquals(count(held, kind), organization.getLong("count"), at);
                assertEquals(byKind(held), longs(organization.getJsonObject("byKind")), at);
                Map<String, Long> mix = new TreeMap<>();
                held.stream().filter(f -> kind == null || kind.equals(f.kind()))
                        .forEach(f -> f.categories().forEach(c -> mix.merge(c, 1L, Long::sum)));
                assertEquals(mix, nonZero(pairs(organization.getJsonArray("categories"), "category")), at);
            }
        }
    }

    @Test
    void weightsForEveryWindowAndKind() {
        for (Window w : WINDOWS) {
            for (String kind : java.util.Arrays.asList(null, "FILING")) {
                String query = join(w.query(), kind == null ? "" : "kind=" + kind);
                JsonObject r = json("/api/v1/insights/weights" + query);
                List<Filing> counted = counted(w, f -> kind == null || kind.equals(f.kind()));
                assertEquals(counted.size(), r.getLong("filings"), query);
                Map<String, Long> expected = zeros(List.of("OPEN", "API_ONLY", "CLOSED", "UNKNOWN"));
                counted.forEach(f -> expected.merge(f.weights() == null ? "UNKNOWN" : f.weights(), 1L, Long::sum));
                assertEquals(expected, pairs(r.getJsonArray("weights"), "access"), query);
            }
        }
    }

    @Test
    void lineageOfBaseFilings() {
        JsonObject l = json("/api/v1/insights/lineage?limit=100");
        List<Filing> registrations = live().filter(f -> f.kind().equals("REGISTRATION")).toList();
        assertEquals(registrations.size(), l.getLong("registrations"));
        assertEquals(registrations.stream().filter(f -> f.base() != null).count(), l.getLong("registrationsWithBase"));
        Map<Long, Long> perBase = registrations.stream().filter(f -> f.base() != null)
                .collect(Collectors.groupingBy(Filing::base, Collectors.counting()));
        List<Long> order = perBase.keySet().stream()
                .sorted(Comparator.<Long>comparingLong(id -> -perBase.get(id)).thenComparing(id -> id)).toList();
        JsonArray bases = l.getJsonArray("bases");
        assertEquals(order, bases.stream().map(b -> ((JsonObject) b).getLong("filingId")).toList());
        assertEquals(order.stream().map(perBase::get).toList(),
                bases.stream().map(b -> ((JsonObject) b).getLong("registrations")).toList());
    }

    @Test
    void coverageAtEarlyAndLateAnnouncements() {
        for (String date : EARLY_TOTALS) {
            given().contentType(ContentType.JSON).body("{\"filedCumulative\":50,\"status\":\"third-party\","
                    + "\"source\":\"early-dates test\"}").put(TOTALS + date).then().statusCode(201);
        }
        JsonArray points = json("/api/v1/insights/coverage").getJsonArray("points");
        List<String> dates = strings(points, "asOf");
        assertTrue(dates.containsAll(EARLY_TOTALS) && dates.contains("2023-08-31"), dates.toString());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate asOf = LocalDate.parse(dates.get(i));
            Window w = new Window("asOf=" + asOf, null, null, asOf);
            assertEquals(counted(w, f -> f.kind().equals("FILING")).size(),
                    points.getJsonObject(i).getLong("registryFilings"), dates.get(i));
            assertEquals(counted(w, f -> f.kind().equals("REGISTRATION")).size(),
                    points.getJsonObject(i).getLong("registryRegistrations"), dates.get(i));
        }
    }

    @Test
    void matrixForEveryWindow() {
        for (Window w : WINDOWS) {
            for (String kind : java.util.Arrays.asList(null, "FILING")) {
                String query = join(w.query(), kind == null ? "" : "kind=" + kind);
                JsonObject m = json("/api/v1/insights/matrix" + query);
                List<Filing> counted = counted(w, f -> kind == null || kind.equals(f.kind()));
                Map<String, Map<String, Long>> cells = new TreeMap<>();
                Map<String, Long> rowFilings = new TreeMap<>();
                Map<String, Long> totals = new TreeMap<>();
                for (Filing f : counted) {
                    String row = f.jurisdiction() == null ? "?" : f.jurisdiction();
                    rowFilings.merge(row, 1L, Long::sum);
                    for (String category : f.categories()) {
                        cells.computeIfAbsent(row, k -> new TreeMap<>()).merge(category, 1L, Long::sum);
                        totals.merge(category, 1L, Long::sum);
                    }
                }
                Map<String, Map<String, Long>> actualCells = new TreeMap<>();
                Map<String, Long> actualFilings = new TreeMap<>();
                List<JsonObject> rows = new ArrayList<>();
                m.getJsonArray("rows").forEach(row -> rows.add((JsonObject) row));
                rows.add(m.getJsonObject("unknownJurisdiction").copy().put("jurisdiction", "?"));
                for (JsonObject row : rows) {
                    String code = row.getString("jurisdiction");
                    Map<String, Long> counts = nonZero(longs(row.getJsonObject("counts")));
                    if (!counts.isEmpty()) {
                        actualCells.put(code, counts);
                    }
                    long n = row.getLong("filings");
                    if (n != 0) {
                        actualFilings.put(code, n);
                    }
                }
                assertEquals(cells, actualCells, query);
                assertEquals(rowFilings, actualFilings, query);
                assertEquals(totals, nonZero(longs(m.getJsonObject("categoryTotals"))), query);
            }
        }
    }

    @Test
    void earlyQueryDatesAreAcceptedAndTheRangeEndsAreNamed() {
        get("/api/v1/insights/summary?asOf=1980-01-01");
        get("/api/v1/insights/trends?from=1980-01-01&to=2063-12-31&bucket=year");
        given().get("/api/v1/insights/summary?asOf=1979-12-31").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("asOf"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("from 1980-01-01 to 2063-12-31"));
        given().get("/api/v1/insights/categories?to=2064-01-01").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("to"));
    }

    // --- the history and the counts made from it ---

    /** The feed: deterministic, mostly dated 2010-2019, with the final states recorded in the fields. */
    private List<JsonObject> history() {
        filings.clear();
        deployments.clear();
        Random random = new Random(2010);
        List<JsonObject> events = new ArrayList<>();
        int span = (int) ChronoUnit.DAYS.between(START, END) + 1;
        for (long id = 1; id <= 122; id++) {
            String kind = id <= 80 || id == 121 ? "FILING" : "REGISTRATION";
            LocalDate date = id % 25 == 0 ? null : START.plusDays(random.nextInt(span));
            if (id == 121) {
                date = LocalDate.of(1970, 5, 1); // stored before the registry checked its range
            } else if (id == 122) {
                date = LocalDate.of(2070, 1, 1);
            }
            String jurisdiction = JURISDICTIONS.get(random.nextInt(JURISDICTIONS.size()));
            List<String> categories = new ArrayList<>(new java.util.TreeSet<>(List.of(
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())), CATEGORIES.get(random.nextInt(CATEGORIES.size())))));
            String weights = WEIGHTS.get(random.nextInt(WEIGHTS.size()));
            Long org = id % 17 == 0 ? null : 1L + random.nextInt(9);
            Long base = kind.equals("REGISTRATION") && random.nextInt(3) > 0 ? 1L + random.nextInt(80) : null;
            List<Step> steps = new ArrayList<>();
            if (date != null) {
                steps.add(new Step("ACTIVE", date));
                if (random.nextInt(10) < 3) {
                    steps.add(new Step(LATER_STATUSES.get(random.nextInt(3)), date.plusDays(1 + random.nextInt(2000))));
                }
            }
            boolean updated = id % 7 == 0 && date != null;
            boolean deleted = id % 11 == 0 && id <= 120;
            Filing filing = new Filing(id, kind, jurisdiction, date, categories, weights, org, base, steps, deleted);
            if (updated) {
                // First filed with other values, then corrected: the first state's counts must go away.
                Filing first = new Filing(id, kind, "CN-SH", LocalDate.of(2021, 3, 3), List.of("VIDEO"), "OPEN",
                        2L, base, List.of(new Step("ACTIVE", LocalDate.of(2021, 3, 3))), false);
                events.add(state(first, 0).created());
                events.add(state(filing, 1).updated());
            } else {
                events.add(state(filing, 0).created());
            }
            if (deleted) {
                events.add(state(filing, updated ? 2 : 1).deleted());
            }
            filings.add(filing);
        }
        for (long id = 1; id <= 40; id++) {
            long filingId = 1 + random.nextInt(80);
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            String sector = SECTORS.get(random.nextInt(SECTORS.size()));
            LocalDate since = id % 9 == 0 ? null : START.plusDays(random.nextInt(span));
            boolean deleted = id % 13 == 0;
            if (id % 5 == 0) {
                events.add(Events.deployment("created", id, filingId, "CN-SH", "FINANCE", "2022-02-02", 0));
                events.add(Events.deployment("updated", id, filingId, region, sector, text(since), 1));
            } else {
                events.add(Events.deployment("created", id, filingId, region, sector, text(since), 0));
            }
            if (deleted) {
                events.add(Events.deployment("deleted", id, filingId, region, sector, text(since), 2));
            }
            deployments.add(new Deployment(id, filingId, region, sector, since, deleted));
        }
        return events;
    }

    private static Events.Filing state(Filing f, long version) {
        Events.Filing e = f.kind().equals("FILING") ? Events.filing(f.id()) : Events.registration(f.id());
        if (f.org() != null) {
            e.org(f.org(), "机构" + f.org() + "有限公司", "Org " + f.org());
        }
        e.jurisdiction(f.jurisdiction()).categories(f.categories().toArray(String[]::new)).weights(f.weights());
        if (f.base() != null) {
            e.base(f.base());
        }
        if (f.date() != null) {
            e.date(f.date());
            for (Step step : f.history().subList(1, f.history().size())) {
                e.status(step.status(), step.since().toString());
            }
        }
        return e.version(version);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private java.util.stream.Stream<Filing> live() {
        return filings.stream().filter(f -> !f.deleted());
    }

    private List<Filing> counted(Window w, Predicate<Filing> filter) {
        return live().filter(f -> w.holds(f.date()) && filter.test(f)).toList();
    }

    private static long count(List<Filing> held, String kind) {
        return held.stream().filter(f -> kind == null || kind.equals(f.kind())).count();
    }

    private static Map<String, Long> byKind(List<Filing> counted) {
        Map<String, Long> result = zeros(List.of("FILING", "REGISTRATION"));
        counted.forEach(f -> result.merge(f.kind(), 1L, Long::sum));
        return result;
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> result = new TreeMap<>();
        keys.forEach(k -> result.put(k, 0L));
        return result;
    }

    private static JsonObject json(String path) {
        return new JsonObject(given().get(path).then().statusCode(200).extract().asString());
    }

    private static JsonObject find(JsonArray list, String key, String value) {
        return list.stream().map(JsonObject.class::cast).filter(o -> value.equals(o.getString(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + list));
    }

    private static List<String> strings(JsonArray list, String key) {
        return list.stream().map(o -> ((JsonObject) o).getString(key)).toList();
    }

    private static Map<String, Long> longs(JsonObject map) {
        Map<String, Long> result = new TreeMap<>();
        map.forEach(e -> result.put(e.getKey(), ((Number) e.getValue()).longValue()));
        return result;
    }

    private static Map<String, Long> nonZero(Map<String, Long> map) {
        Map<String, Long> result = new TreeMap<>(map);
        result.values().removeIf(n -> n == 0);
        return result;
    }

    /** A list of objects as code -> count, checking that no code appears twice. */
    private static Map<String, Long> pairs(JsonArray list, String key) {
        Map<String, Long> result = new TreeMap<>();
        for (Object item : list) {
            JsonObject o = (JsonObject) item;
            assertEquals(null, result.put(o.getString(key), o.getLong("count")), key + " repeats in " + list);
        }
        return result;
    }

    private static String join(String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
        return joined.isEmpty() ? "" : "?" + joined;
    }
}
