package dev.beian.registry.importing;

import dev.beian.registry.domain.FilingKind;

import java.util.List;

/** The rows read from an upload, the kind its headers imply (if any), and the columns nobody reads. */
public record ParsedInput(List<RawRow> rows, FilingKind impliedKind, List<String> ignoredColumns) {
}
