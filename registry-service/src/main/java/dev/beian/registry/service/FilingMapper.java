package dev.beian.registry.service;

import dev.beian.registry.api.DeploymentView;
import dev.beian.registry.api.FilingInput;
import dev.beian.registry.api.FilingView;
import dev.beian.registry.api.OrganizationView;
import dev.beian.registry.api.SourceView;
import dev.beian.registry.domain.Deployment;
import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.Organization;

import java.util.List;

/** Maps entities to the API's records and back; entities never leave the service layer. */
public final class FilingMapper {

    private FilingMapper() {
    }

    public static FilingView view(Filing f) {
        Organization o = f.organization;
        SourceView source = SourceView.ofNullable(f.sourceList, f.sourceRow, f.sourceUrl);
        return new FilingView(f.id, f.filingNumber, f.kind, f.name, f.nameEn,
                new FilingView.OrganizationRef(o.id, o.legalName, o.nameEn),
                f.jurisdiction, f.filingDate, f.publicationBatch, f.sequenceNo,
                List.copyOf(f.categories), List.copyOf(f.sectors), f.weightsAccess, f.baseFilingId,
                f.status, List.copyOf(f.statusHistory), source, f.createdAt, f.updatedAt, f.version);
    }

    /** The writable state of a filing: what a merge patch applies to. */
    public static FilingInput input(Filing f) {
        return new FilingInput(f.filingNumber, f.kind, f.sequenceNo, f.name, f.nameEn, f.organization.id, null,
                f.jurisdiction, f.filingDate, f.publicationBatch, List.copyOf(f.categories),
                List.copyOf(f.sectors), f.weightsAccess, f.baseFilingId, f.status, null,
                SourceView.ofNullable(f.sourceList, f.sourceRow, f.sourceUrl));
    }

    public static OrganizationView view(Organization o, Long filingCount) {
        return new OrganizationView(o.id, o.legalName, o.nameEn, List.copyOf(o.aliases), o.type, o.headquarters,
                filingCount, o.createdAt, o.updatedAt, o.version);
    }

    public static DeploymentView view(Deployment d) {
        return new DeploymentView(d.id, d.filingId, d.region, d.sector, d.since, d.createdAt, d.updatedAt, d.version);
    }
}
