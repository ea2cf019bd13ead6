package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** The filters a breakdown was computed with, echoed back; null where not given. */
@Schema(name = "BreakdownFilters")
public record Filters(
        @Schema(example = "FILING") String kind,
        @Schema(example = "CN-BJ") String jurisdiction,
        @Schema(description = "First filing date counted") LocalDate from,
        @Schema(description = "Last filing date counted") LocalDate to,
        @Schema(description = "Answer as of the end of this day (Asia/Shanghai)", example = "2025-12-31") LocalDate asOf) {
}
