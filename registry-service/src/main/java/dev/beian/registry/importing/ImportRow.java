package dev.beian.registry.importing;

import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;

import java.time.LocalDate;
import java.util.List;

/** A checked input row, ready to be matched against the registry and written. */
public record ImportRow(
        int rowNumber,
        String filingNumber,
        FilingKind kind,
        Integer sequenceNo,
        String name,
        String nameEn,
        String organizationName,
        String jurisdiction,
        LocalDate filingDate,
        String publicationBatch,
        List<String> categories,
        List<String> sectors,
        WeightsAccess weightsAccess,
        FilingStatus status,
        String sourceList,
        Integer sourceRow,
        String sourceUrl) {
}
