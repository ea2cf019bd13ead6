package dev.beian.insights.domain;

/**
 * What a dated counter counts, and by which dimensions (stored as dim1..dim3 of {@code counter_node}).
 * Each breakdown reads the narrowest metric that has its dimensions, so a read touches few rows.
 */
public enum Metric {
    /** Filings by kind, dated by filing date: trends, coverage, new-in-period. */
    FILING_KIND("filing.kind"),
    /** Filings by kind and status; status changes move a filing between statuses on their dates. */
    FILING_KIND_STATUS("filing.kind-status"),
    FILING_KIND_JURISDICTION("filing.kind-jurisdiction"),
    FILING_KIND_WEIGHTS("filing.kind-weights"),
    /** One count per (filing, category): a filing in two categories counts in both. */
    FILING_KIND_CATEGORY("filing.kind-category"),
    FILING_KIND_JURISDICTION_CATEGORY("filing.kind-jurisdiction-category"),
    /** Registrations by whether they name a base filing (BASED or UNBASED). */
    REGISTRATION_LINEAGE("registration.lineage"),
    /** Organizations, dated by their earliest filing: "organizations holding filings as of". */
    ORGANIZATION_FIRST_FILING("organization.first-filing"),
    /** Deployments by region, dated by their {@code since}. */
    DEPLOYMENT_REGION("deployment.region"),
    DEPLOYMENT_SECTOR("deployment.sector");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
