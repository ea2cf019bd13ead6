package dev.beian.insights.domain;

/**
 * What one entity state contributes to the aggregates. Applying a change adds the new state's contribution
 * and subtracts the old one's, so the same state applied twice nets to nothing.
 */
public final class Contributions {

    private Contributions() {
    }

    /** Adds {@code sign} (+1 or -1) times the filing's contribution. */
    public static void filing(FilingState filing, int sign, Deltas deltas) {
        int slot = DayIndex.slot(filing.filingDate());
        String kind = Dims.orUnknown(filing.kind());
        String jurisdiction = Dims.orUnknown(filing.jurisdiction());
        deltas.counter(Metric.FILING_KIND, slot, sign, kind);
        deltas.counter(Metric.FILING_KIND_JURISDICTION, slot, sign, kind, jurisdiction);
        deltas.counter(Metric.FILING_KIND_WEIGHTS, slot, sign, kind, Dims.orUnknown(filing.weightsAccess()));
        String previous = null;
        for (StatusTimeline.Step step : StatusTimeline.of(filing)) {
            if (previous != null) {
                deltas.counter(Metric.FILING_KIND_STATUS, step.slot(), -sign, kind, previous);
            }
            deltas.counter(Metric.FILING_KIND_STATUS, step.slot(), sign, kind, step.status());
            previous = step.status();
        }
        for (String category : filing.categories()) {
            deltas.counter(Metric.FILING_KIND_CATEGORY, slot, sign, kind, category);
            deltas.counter(Metric.FILING_KIND_JURISDICTION_CATEGORY, slot, sign, kind, jurisdiction, category);
        }
        if (FilingState.REGISTRATION.equals(filing.kind())) {
            boolean based = filing.baseFilingId() != null;
            deltas.counter(Metric.REGISTRATION_LINEAGE, slot, sign, based ? "BASED" : "UNBASED");
            if (based) {
                deltas.lineage(filing.baseFilingId(), sign);
            }
        }
        Long organizationId = filing.organizationId();
        if (organizationId != null) {
            deltas.organizationKind(organizationId, kind, sign);
            deltas.organizationDay(organizationId, slot, sign);
            for (String category : filing.categories()) {
                deltas.organizationCategory(organizationId, kind, category, sign);
            }
            if (sign > 0) {
                deltas.organizationName(filing.organization());
            }
        }
    }

    public static void deployment(DeploymentState deployment, int sign, Deltas deltas) {
        int slot = DayIndex.slot(deployment.since());
        deltas.counter(Metric.DEPLOYMENT_REGION, slot, sign, Dims.orUnknown(deployment.region()));
        deltas.counter(Metric.DEPLOYMENT_SECTOR, slot, sign, Dims.orUnknown(deployment.sector()));
    }
}
