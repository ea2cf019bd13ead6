package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every endpoint on the 49 real CAC rows (46 filings, 3 registrations). Expected numbers are counted by hand
 * from cac_filing_rows_seen.csv: 32 filings are dated (14 from Aug-Sep 2023, 4 in Nov 2023, 10 in 2024, 4 in
 * 2025); 6 are in 北京, 3 in 上海, 1 in 贵州, 1 in 江苏, 12 under 国资委; 45 distinct filing entities, of which
 * 北京面壁智能 holds 3 and 百度网讯 and 中国移动 2 each.
 */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class CacDataSetTest extends FeedDrivenTest {

    @BeforeEach
    void loadCacRows() throws Exception {
        load(CacRows.events());
    }

    @Test
    void summaryCountsTheRows() {
        JsonPath summary = get("/api/v1/insights/summary");
        assertEquals(49, summary.getInt("total"));
        assertEquals(46, summary.getInt("byKind.find { it.kind == 'FILING' }.count"));
        assertEquals(3, summary.getInt("byKind.find { it.kind == 'REGISTRATION' }.count"));
        assertEquals(49, summary.getInt("byStatus.ACTIVE"));
        assertEquals(0, summary.getInt("byStatus.REVOKED"));
        assertEquals(45, summary.getInt("organizations"));
        assertEquals(5, summary.getInt("jurisdictions"));
        assertEquals(17, summary.getInt("undated"));
        assertEquals(0, summary.getInt("newInLast30Days.count"));
        assertEquals(registry().lastCursor(), summary.getString("watermark.cursor"));
    }

    @Test
    void summaryAsOfTheFirstWeeks() {
        // Rows 1-8 (2023/8/31), 9 (9/4), 10 (9/11), 11 (9/12): eleven entities, only 北京 and 上海 named.
        JsonPath summary = get("/api/v1/insights/summary?asOf=2023-09-12");
        assertEquals("2023-09-12", summary.getString("asOf"));
        assertEquals(11, summary.getInt("total"));
        assertEquals(11, summary.getInt("organizations"));
        assertEquals(2, summary.getInt("jurisdictions"));
        assertEquals("2023-08-14", summary.getString("newInLast30Days.from"));
        assertEquals(11, summary.getInt("newInLast30Days.count"));
        assertEquals(11, summary.getInt("newInLast30Days.byKind.FILING"));
        assertEquals(8, get("/api/v1/insights/summary?asOf=2023-08-31").getInt("total"));
        assertEquals(0, get("/api/v1/insights/summary?asOf=2023-08-30").getInt("total"));
    }

    @Test
    void regionsNameEachJurisdiction() {
        JsonPath regions = get("/api/v1/insights/regions");
        assertEquals(49, regions.getInt("filings"));
        assertEquals(26, regions.getInt("unknownJurisdiction"));
        assertEquals(List.of("SASAC", "CN-BJ", "CN-SH", "CN-JS", "CN-GZ"),
                regions.getList("jurisdictions.code").subList(0, 5));
        assertEquals(List.of(12, 6, 3, 1, 1), regions.getList("jurisdictions.count").subList(0, 5));
        assertEquals(32, regions.getList("jurisdictions").size());
        assertEquals("北京市", regions.getString("jurisdictions.find { it.code == 'CN-BJ' }.nameZh"));
        assertEquals("Beijing", regions.getString("jurisdictions.find { it.code == 'CN-BJ' }.nameEn"));
        assertEquals(0.2449f, regions.getFloat("jurisdictions[0].share"));
        assertEquals(0, regions.getInt("jurisdictions.find { it.code == 'CN-GD' }.count"));
        assertEquals(0, regions.getInt("adoption.deployments"));
        // As of the end of 2023: 国资委 rows start in 2024.
        JsonPath early = get("/api/v1/insights/regions?asOf=2023-12-31");
        assertEquals(18, early.getInt("filings"));
        assertEquals(0, early.getInt("jurisdictions.find { it.code == 'SASAC' }.count"));
        assertEquals(5, early.getInt("jurisdictions.find { it.code == 'CN-BJ' }.count")); // row 152 is of 2024
    }

    @Test
    void trendsPerMonthQuarterAndYear() {
        JsonPath months = get("/api/v1/insights/trends?bucket=month&from=2023-08-01&to=2023-12-31");
        assertEquals(List.of("2023-08", "2023-09", "2023-10", "2023-11", "2023-12"), months.getList("series.period"));
        assertEquals(List.of(8, 6, 0, 4, 0), months.getList("series.count"));

        JsonPath quarters = get("/api/v1/insights/trends?bucket=quarter&mode=cumulative&from=2023-08-01&to=2024-06-30");
        assertEquals(List.of("2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"), quarters.getList("series.period"));
        assertEquals(List.of(14, 18, 20, 22), quarters.getList("series.count"));
        assertEquals("2023-07-01", quarters.getString("series[0].start"));

        JsonPath years = get("/api/v1/insights/trends?bucket=year&from=2023-01-01&to=2025-12-31");
        assertEquals(List.of(18, 10, 4), years.getList("series.count"));
        assertEquals(List.of(0, 0, 0), years.getList("series.byKind.REGISTRATION"));
    }

    @Test
    void coverageAgainstTheOfficialTotals() {
        JsonPath coverage = get("/api/v1/insights/coverage");
        List<Map<String, Object>> points = coverage.getList("points");
        assertEquals(13, points.size());
        assertPoint(coverage, "2023-08-31", 8, 100.0);
        assertPoint(coverage, "2024-03-31", 20, 17.1);
        assertPoint(coverage, "2024-08-31", 24, 12.8);
        assertPoint(coverage, "2024-12-31", 28, 9.3);
        assertPoint(coverage, "2025-06-30", 29, 6.6);
        assertPoint(coverage, "2025-07-30", 32, 6.5);
        assertPoint(coverage, "2026-06-30", 32, 3.2);
        // Registrations are all undated: 0 of 105 announced, and no percentage where 0 or nothing was announced.
        assertEquals(0.0f, coverage.getFloat("points.find { it.asOf == '2024-12-31' }.registrationsPercent"));
        assertNull(coverage.get("points.find { it.asOf == '2024-03-31' }.registrationsPercent"));
        assertNull(coverage.get("points.find { it.asOf == '2023-08-31' }.registrationsPercent"));
    }

    @Test
    void organizationsRankedByFilings() {
        JsonPath top = get("/api/v1/insights/organizations?limit=3");
        assertEquals(List.of("北京面壁智能科技有限责任公司", "北京百度网讯科技有限公司", "中国移动通信有限公司"),
                top.getList("organizations.legalName"));
        assertEquals(List.of(3, 2, 2), top.getList("organizations.count"));
        assertEquals(List.of(1, 2, 3), top.getList("organizations.rank"));
        assertEquals("TEXT", top.getString("organizations[0].categories[0].category"));
        assertEquals(1.0f, top.getFloat("organizations[0].categories[0].share"));
        assertEquals(10, get("/api/v1/insights/organizations").getList("organizations").size());
        assertEquals(List.of("北京面壁智能科技有限责任公司"),
                get("/api/v1/insights/organizations?kind=FILING&limit=1").getList("organizations.legalName"));
    }

    @Test
    void matrixCategoriesWeightsAndLineage() {
        JsonPath matrix = get("/api/v1/insights/matrix");
        assertEquals(6, matrix.getInt("rows.find { it.jurisdiction == 'CN-BJ' }.counts.TEXT"));
        assertEquals(12, matrix.getInt("rows.find { it.jurisdiction == 'SASAC' }.counts.TEXT"));
        assertEquals(26, matrix.getInt("unknownJurisdiction.counts.TEXT"));
        assertEquals(49, matrix.getInt("categoryTotals.TEXT"));

        JsonPath categories = get("/api/v1/insights/categories?kind=FILING");
        assertEquals(46, categories.getInt("filings"));
        assertEquals("TEXT", categories.getString("categories[0].category"));
        assertEquals(46, categories.getInt("categories[0].count"));
        assertEquals(1.0f, categories.getFloat("categories[0].share"));

        JsonPath weights = get("/api/v1/insights/weights");
        assertEquals(49, weights.getInt("weights.find { it.access == 'UNKNOWN' }.count"));

        JsonPath lineage = get("/api/v1/insights/lineage");
        assertEquals(3, lineage.getInt("registrations"));
        assertEquals(0, lineage.getInt("registrationsWithBase"));
        assertEquals(0, lineage.getList("bases").size());
    }

    private static void assertPoint(JsonPath coverage, String asOf, int registryFilings, double percent) {
        String point = "points.find { it.asOf == '" + asOf + "' }";
        assertEquals(registryFilings, coverage.getInt(point + ".registryFilings"), asOf);
        assertEquals((float) percent, coverage.getFloat(point + ".filingsPercent"), asOf);
    }
}
