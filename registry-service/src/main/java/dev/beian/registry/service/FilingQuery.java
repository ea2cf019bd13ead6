package dev.beian.registry.service;

import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;

import java.time.LocalDate;

/** The validated filters and sort of a filing list or export. Null means "no filter". */
public record FilingQuery(
        String q,
        String jurisdiction,
        String category,
        String sector,
        FilingKind kind,
        FilingStatus status,
        Long organizationId,
        Long baseFilingId,
        LocalDate filedFrom,
        LocalDate filedTo,
        WeightsAccess weightsAccess,
        FilingSort sort) {
}
