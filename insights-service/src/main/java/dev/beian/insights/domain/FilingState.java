package dev.beian.insights.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/**
 * A filing's state as the change feed carries it (the registry's filing JSON), reduced to what insights use.
 * Also the stored projection of the last applied state. Unknown fields are ignored: the registry may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FilingState(
        Long id,
        String filingNumber,
        String kind,
        String name,
        String nameEn,
        OrganizationRef organization,
        String jurisdiction,
        LocalDate filingDate,
        List<String> categories,
        String weightsAccess,
        Long baseFilingId,
        String status,
        List<StatusEntry> statusHistory,
        Long version) implements CountedState<FilingState> {

    public static final String FILING = "FILING";
    public static final String REGISTRATION = "REGISTRATION";

    public FilingState {
        categories = categories == null ? List.of() : categories.stream().filter(c -> c != null && !c.isBlank())
                .distinct().toList();
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
    }

    @Override
    public FilingState withId(long newId) {
        return id != null && id == newId ? this : new FilingState(newId, filingNumber, kind, name, nameEn, organization,
                jurisdiction, filingDate, categories, weightsAccess, baseFilingId, status, statusHistory, version);
    }

    @Override
    public void contribute(int sign, Deltas deltas) {
        Contributions.filing(this, sign, deltas);
    }

    public Long organizationId() {
        return organization == null ? null : organization.id();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrganizationRef(Long id, String legalName, String nameEn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusEntry(String status, LocalDate since) {
    }
}
