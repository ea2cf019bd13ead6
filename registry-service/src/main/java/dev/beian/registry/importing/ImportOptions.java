package dev.beian.registry.importing;

import dev.beian.registry.domain.FilingKind;

/**
 * How to import: the kind of rows that do not say (else from the headers, else FILING), the publication
 * batch to stamp, whether to write anything, and whether one bad row stops everything.
 */
public record ImportOptions(FilingKind kind, String publicationBatch, String sourceList, String sourceUrl,
                            boolean dryRun, boolean allOrNothing) {
}
