package dev.beian.insights;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every endpoint on {@link KnownFeed}; the expected numbers are counted by hand from its table. */
@QuarkusTest
@QuarkusTestResource(InsightsDatabase.class)
@QuarkusTestResource(StandInRegistryPort.class)
class KnownDataSetTest extends FeedDrivenTest {

    @BeforeEach
    void loadKnownFeed() throws Exception {
        load(KnownFeed.events());
    }

    @Test
    void summaryNow() {
        JsonPath s = get("/api/v1/insights/summary");
        assertEquals(10, s.getInt("total"));
        assertEquals(Map.of("ACTIVE", 4, "SUSPENDED", 1, "WITHDRAWN", 0, "REVOKED", 0),
                s.getMap("byKind.find { it.kind == 'FILING' }.byStatus"));
        assertEquals(Map.of("ACTIVE", 3, "SUSPENDED", 0, "WITHDRAWN", 1, "REVOKED", 1),
                s.getMap("byKind.find { it.kind == 'REGISTRATION' }.byStatus"));
        assertEquals(7, s.getInt("byStatus.ACTIVE"));
        assertEquals(3, s.getInt("organizations"));
        assertEquals(4, s.getInt("jurisdictions"));
        assertEquals(1, s.getInt("undated"));
    }

    @Test
    void summaryAsOfCountsStatusesAsTheyWereThen() {
        JsonPath may = get("/api/v1/insights/summary?asOf=2024-05-31");
        assertEquals(5, may.getInt("total"));
        assertEquals(4, may.getInt("byKind.find { it.kind == 'FILING' }.byStatus.ACTIVE")); // F2 suspended in June
        assertEquals(1, may.getInt("newInLast30Days.count")); // F4 on 2024-05-05
        assertEquals(3, may.getInt("organizations"));
        assertEquals(3, may.getInt("jurisdictions")); // BJ, SH and F4's (current) ZJ

        JsonPath june = get("/api/v1/insights/summary?asOf=2024-06-30");
        assertEquals(1, june.getInt("byKind.find { it.kind == 'FILING' }.byStatus.SUSPENDED"));
        assertEquals(0, june.getInt("newInLast30Days.count"));

        JsonPath december = get("/api/v1/insights/summary?asOf=2024-12-15");
        assertEquals(8, december.getInt("total"));
        assertEquals(Map.of("ACTIVE", 2, "SUSPENDED", 0, "WITHDRAWN", 1, "REVOKED", 1),
                december.getMap("byKind.find { it.kind == 'REGISTRATION' }.byStatus"));

        assertEquals(1, get("/api/v1/insights/summary?asOf=2024-01-31").getInt("organizations"));
        assertEquals(2, get("/api/v1/insights/summary?asOf=2024-04-30").getInt("organizations"));
    }

    @Test
    void categoriesWithFilters() {
        JsonPath all = get("/api/v1/insights/categories");
        assertEquals(10, all.getInt("filings"));
        assertEquals(List.of("TEXT", "IMAGE", "VIDEO", "CODE", "MULTIMODAL", "AUDIO"), all.getList("categories.category"));
        assertEquals(List.of(6, 3, 1, 1, 1, 0), all.getList("categories.count"));
        assertEquals(List.of(0.6f, 0.3f, 0.1f, 0.1f, 0.1f, 0.0f), all.getList("categories.share"));
        assertEquals("图像", all.getString("categories[1].nameZh"));

        JsonPath filings = get("/api/v1/insights/categories?kind=FILING");
        assertEquals(5, filings.getInt("filings"));
        assertEquals(2, filings.getInt("categories.find { it.category == 'TEXT' }.count"));
        assertEquals(0.4f, filings.getFloat("categories.find { it.category == 'TEXT' }.share"));

        JsonPath beijing = get("/api/v1/insights/categories?kind=FILING&jurisdiction=CN-BJ");
        assertEquals(2, beijing.getInt("filings"));
        assertEquals(1.0f, beijing.getFloat("categories.find { it.category == 'TEXT' }.share"));
        assertEquals(0.5f, beijing.getFloat("categories.find { it.category == 'IMAGE' }.share"));
        assertEquals("CN-BJ", beijing.getString("filters.jurisdiction"));

        JsonPath period = get("/api/v1/insights/categories?from=2024-03-01&to=2024-09-30");
        assertEquals(4, period.getInt("filings"));
        assertEquals(3, period.getInt("categories.find { it.category == 'TEXT' }.count"));
        assertEquals(1, period.getInt("categories.find { it.category == 'CODE' }.count"));

        JsonPath february = get("/api/v1/insights/categories?asOf=2024-02-29");
        assertEquals(3, february.getInt("filings"));
        assertEquals(0.6667f, february.getFloat("categories.find { it.category == 'TEXT' }.share"));

        // F4 moved from CN-GD to CN-ZJ and dropped TEXT: only the registrations remain in CN-GD.
        JsonPath guangdong = get("/api/v1/insights/categories?jurisdiction=CN-GD");
        assertEquals(3, guangdong.getInt("filings"));
        assertEquals(3, guangdong.getInt("categories.find { it.category == 'TEXT' }.count"));
        assertEquals(0, guangdong.getInt("categories.find { it.category == 'CODE' }.count"));
    }

    @Test
    void regionsAndAdoption() {
        JsonPath r = get("/api/v1/insights/regions");
        assertEquals(10, r.getInt("filings"));
        assertEquals(1, r.getInt("unknownJurisdiction"));
        assertEquals(List.of("CN-BJ", "CN-GD", "CN-SH", "CN-ZJ"), r.getList("jurisdictions.code").subList(0, 4));
        assertEquals(List.of(3, 3, 2, 1), r.getList("jurisdictions.count").subList(0, 4));
        assertEquals(0, r.getInt("jurisdictions.find { it.code == 'SASAC' }.count")); // F5 was deleted
        assertEquals(4, r.getInt("adoption.deployments"));
        assertEquals(List.of("CN-BJ", "CN-GD", "CN-ZJ", "SG"), r.getList("adoption.byRegion.code"));
        assertEquals("Singapore", r.getString("adoption.byRegion.find { it.code == 'SG' }.nameEn"));
        assertEquals("新加坡", r.getString("adoption.byRegion.find { it.code == 'SG' }.nameZh"));
        assertEquals("浙江省", r.getString("adoption.byRegion.find { it.code == 'CN-ZJ' }.nameZh"));
        assertEquals(List.of("FINANCE", "EDUCATION", "GOVERNMENT"), r.getList("adoption.bySector.code"));
        assertEquals(List.of(2, 1, 1), r.getList("adoption.bySector.count"));
        assertEquals("金融", r.getString("adoption.bySector[0].nameZh"));

        JsonPath june = get("/api/v1/insights/regions?asOf=2024-06-30");
        assertEquals(5, june.getInt("filings"));
        assertEquals(1, june.getInt("jurisdictions.find { it.code == 'CN-SH' }.count"));
        assertEquals(2, june.getInt("adoption.deployments")); // D4 is undated, D5 came in December

        JsonPath registrations = get("/api/v1/insights/regions?kind=REGISTRATION");
        assertEquals(5, registrations.getInt("filings"));
        assertEquals("CN-GD", registrations.getString("jurisdictions[0].code"));
        assertEquals(3, registrations.getInt("jurisdictions[0].count"));
    }

    @Test
    void trendsPerPeriodAndCumulative() {
        JsonPath months = get("/api/v1/insights/trends?from=2024-01-01&to=2024-12-31");
        assertEquals("month", months.getString("bucket"));
        assertEquals(List.of(1, 2, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1), months.getList("series.count"));
        assertEquals(Map.of("FILING", 2, "REGISTRATION", 0), months.getMap("series[1].byKind"));
        assertEquals(Map.of("FILING", 0, "REGISTRATION", 1), months.getMap("series[11].byKind"));

        JsonPath quarters = get("/api/v1/insights/trends?bucket=quarter&mode=cumulative&from=2024-01-01&to=2024-12-31");
        assertEquals(List.of("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"), quarters.getList("series.period"));
        assertEquals(List.of(4, 5, 7, 9), quarters.getList("series.count"));

        // Partial periods at both ends count only days inside from..to; cumulative counts from the start.
        JsonPath partial = get("/api/v1/insights/trends?from=2024-02-21&to=2024-08-08");
        assertEquals("2024-02", partial.getString("series[0].period"));
        assertEquals(1, partial.getInt("series[0].count"));
        assertEquals(1, partial.getInt("series[6].count"));
        assertEquals(3, get("/api/v1/insights/trends?from=2024-02-21&to=2024-08-08&mode=cumulative")
                .getInt("series[0].count"));

        JsonPath registrations = get("/api/v1/insights/trends?bucket=year&from=2024-01-01&to=2024-12-31&kind=REGISTRATION");
        assertEquals(5, registrations.getInt("series[0].count"));
        assertEquals(Map.of("REGISTRATION", 5), registrations.getMap("series[0].byKind"));
    }

    @Test
    void organizationsWithCategoryMix() {
        JsonPath top = get("/api/v1/insights/organizations");
        assertEquals(List.of(3, 1, 2), top.getList("organizations.organizationId"));
        assertEquals(List.of(4, 3, 3), top.getList("organizations.count"));
        assertEquals(Map.of("FILING", 1, "REGISTRATION", 3), top.getMap("organizations[0].byKind"));
        assertEquals(List.of("TEXT", "IMAGE", "CODE"), top.getList("organizations[0].categories.category"));
        assertEquals(List.of(0.75f, 0.25f, 0.25f), top.getList("organizations[0].categories.share"));
        // The organization event's names win over the names a filing carried.
        assertEquals("阿尔法智能科技有限公司", top.getString("organizations[1].legalName"));
        assertEquals("Alpha AI", top.getString("organizations[1].nameEn"));
        assertEquals("Beta Labs", top.getString("organizations[2].nameEn"));

        JsonPath filings = get("/api/v1/insights/organizations?kind=FILING");
        assertEquals(List.of(1, 2, 3), filings.getList("organizations.organizationId"));
        assertEquals(List.of(2, 2, 1), filings.getList("organizations.count"));
        assertEquals(List.of("TEXT", "IMAGE"), filings.getList("organizations[0].categories.category"));
        assertEquals(List.of(1.0f, 0.5f), filings.getList("organizations[0].categories.share"));

        assertEquals(List.of(3), get("/api/v1/insights/organizations?kind=REGISTRATION&limit=1")
                .getList("organizations.organizationId"));
    }

    @Test
    void matrixCrossTab() {
        JsonPath m = get("/api/v1/insights/matrix");
        assertEquals(List.of("TEXT", "IMAGE", "AUDIO", "VIDEO", "CODE", "MULTIMODAL"), m.getList("categories"));
        assertEquals(Map.of("TEXT", 3, "IMAGE", 1, "AUDIO", 0, "VIDEO", 0, "CODE", 0, "MULTIMODAL", 0),
                m.getMap("rows.find { it.jurisdiction == 'CN-BJ' }.counts"));
        assertEquals(3, m.getInt("rows.find { it.jurisdiction == 'CN-BJ' }.filings"));
        assertEquals(1, m.getInt("rows.find { it.jurisdiction == 'CN-SH' }.counts.MULTIMODAL"));
        assertEquals(1, m.getInt("rows.find { it.jurisdiction == 'CN-ZJ' }.counts.CODE"));
        assertEquals(0, m.getInt("rows.find { it.jurisdiction == 'CN-GD' }.counts.CODE"));
        assertEquals(1, m.getInt("unknownJurisdiction.counts.VIDEO"));
        assertNull(m.get("unknownJurisdiction.jurisdiction"));
        assertEquals(Map.of("TEXT", 6, "IMAGE", 3, "AUDIO", 0, "VIDEO", 1, "CODE", 1, "MULTIMODAL", 1),
                m.getMap("categoryTotals"));
        assertEquals(32, m.getList("rows").size());

        JsonPath march = get("/api/v1/insights/matrix?kind=FILING&asOf=2024-03-31");
        assertEquals(2, march.getInt("rows.find { it.jurisdiction == 'CN-BJ' }.counts.TEXT"));
        assertEquals(2, march.getInt("rows.find { it.jurisdiction == 'CN-BJ' }.filings"));
        assertEquals(0, march.getInt("rows.find { it.jurisdiction == 'CN-GD' }.filings"));
    }

    @Test
    void lineageOfBaseFilings() {
        JsonPath l = get("/api/v1/insights/lineage");
        assertEquals(5, l.getInt("registrations"));
        assertEquals(4, l.getInt("registrationsWithBase"));
        assertEquals(List.of(1, 3), l.getList("bases.filingId"));
        assertEquals(List.of(3, 1), l.getList("bases.registrations"));
        assertEquals("阿尔法一号", l.getString("bases[0].name"));
        assertEquals("Alpha One", l.getString("bases[0].nameEn"));
        assertEquals("Beijing-AlphaOne-20240101", l.getString("bases[0].filingNumber"));
        assertEquals("阿尔法智能科技有限公司", l.getString("bases[0].organizationName"));
        assertEquals(1, get("/api/v1/insights/lineage?limit=1").getList("bases").size());
    }

    @Test
    void weightsShares() {
        JsonPath w = get("/api/v1/insights/weights");
        assertEquals(List.of("OPEN", "API_ONLY", "CLOSED", "UNKNOWN"), w.getList("weights.access"));
        assertEquals(List.of(2, 1, 2, 5), w.getList("weights.count"));
        assertEquals(List.of(0.2f, 0.1f, 0.2f, 0.5f), w.getList("weights.share"));
        assertEquals(List.of(0.4f, 0.2f, 0.4f, 0.0f), get("/api/v1/insights/weights?kind=FILING").getList("weights.share"));
        assertEquals(List.of(1, 0, 1, 0), get("/api/v1/insights/weights?asOf=2024-02-20").getList("weights.count"));
    }

    @Test
    void newInTheLast30DaysCountsByShanghaiDate() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        load(List.of(
                Events.filing(101).jurisdiction("CN-BJ").date(today).categories("TEXT").created(),
                Events.filing(102).jurisdiction("CN-BJ").date(today.minusDays(29)).categories("TEXT").created(),
                Events.filing(103).jurisdiction("CN-BJ").date(today.minusDays(30)).categories("TEXT").created(),
                Events.registration(104).date(today.minusDays(3)).created()));
        JsonPath s = get("/api/v1/insights/summary");
        assertEquals(today.toString(), s.getString("newInLast30Days.to"));
        assertEquals(today.minusDays(29).toString(), s.getString("newInLast30Days.from"));
        assertEquals(3, s.getInt("newInLast30Days.count"));
        assertEquals(Map.of("FILING", 2, "REGISTRATION", 1), s.getMap("newInLast30Days.byKind"));
    }
}
