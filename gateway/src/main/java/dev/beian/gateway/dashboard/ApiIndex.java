package dev.beian.gateway.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/}: where everything is, like the root of the GitHub API. Links are absolute
 * paths on this gateway; templates in RFC 6570 form name the parameters a collection takes.
 */
public final class ApiIndex {

    /** The links, in the order a reader meets them. */
    public static Map<String, String> links() {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("filingsUrl", "/api/v1/filings{?q,jurisdiction,category,sector,kind,status,organization,baseFilingId,"
                + "filedFrom,filedTo,weightsAccess,sort,limit,cursor,format}");
        links.put("filingUrl", "/api/v1/filings/{id}");
        links.put("filingHistoryUrl", "/api/v1/filings/{id}/history");
        links.put("deploymentsUrl", "/api/v1/filings/{id}/deployments");
        links.put("allDeploymentsUrl", "/api/v1/deployments{?region,sector,limit,cursor}");
        links.put("importUrl", "/api/v1/filings/import{?batch,dryRun,mode}");
        links.put("importJobUrl", "/api/v1/imports/{id}");
        links.put("webhooksUrl", "/api/v1/webhooks");
        links.put("organizationsUrl", "/api/v1/organizations{?q,limit,cursor}");
        links.put("organizationUrl", "/api/v1/organizations/{id}");
        links.put("jurisdictionsUrl", "/api/v1/reference/jurisdictions");
        links.put("categoriesUrl", "/api/v1/reference/categories");
        links.put("sectorsUrl", "/api/v1/reference/sectors");
        links.put("changesUrl", "/api/v1/changes{?after,limit,wait}");
        links.put("insightsSummaryUrl", "/api/v1/insights/summary{?asOf}");
        links.put("insightsCategoriesUrl", "/api/v1/insights/categories{?kind,jurisdiction,from,to,asOf}");
        links.put("insightsRegionsUrl", "/api/v1/insights/regions{?kind,from,to,asOf}");
        links.put("insightsTrendsUrl", "/api/v1/insights/trends{?bucket,mode,from,to,kind}");
        links.put("insightsOrganizationsUrl", "/api/v1/insights/organizations{?kind,limit}");
        links.put("insightsMatrixUrl", "/api/v1/insights/matrix{?kind,from,to,asOf}");
        links.put("insightsLineageUrl", "/api/v1/insights/lineage{?limit}");
        links.put("insightsWeightsUrl", "/api/v1/insights/weights{?kind,from,to,asOf}");
        links.put("insightsCoverageUrl", "/api/v1/insights/coverage");
        links.put("officialTotalsUrl", "/api/v1/insights/official-totals");
        links.put("openapiUrl", "/openapi");
        links.put("swaggerUiUrl", "/swagger-ui");
        links.put("dashboardUrl", "/");
        links.put("healthUrl", "/q/health/ready");
        return links;
    }

    private final byte[] json;
    private final String etag;

    public ApiIndex(ObjectMapper mapper) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Beian API");
        body.put("description", "The register of China's filed generative-AI services (CAC 备案 and 登记) and "
                + "insights about it");
        body.put("version", "v1");
        body.putAll(links());
        try {
            this.json = mapper.writeValueAsBytes(body);
            this.etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8) + "\"";
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot write the API index", e);
        }
    }

    public byte[] json() {
        return json;
    }

    public String etag() {
        return etag;
    }
}
