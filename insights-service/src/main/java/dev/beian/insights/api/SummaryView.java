package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Schema(name = "Summary", description = "Totals by kind and status, recent growth, organizations and jurisdictions")
public record SummaryView(
        @Schema(description = "The answer is as of the end of this day; null: now, undated filings included") LocalDate asOf,
        @Schema(description = "Filings and registrations", example = "49") long total,
        List<KindTotal> byKind,
        @Schema(description = "Count per status (ACTIVE, SUSPENDED, WITHDRAWN, REVOKED), as of the date")
        Map<String, Long> byStatus,
        Recent newInLast30Days,
        @Schema(description = "Organizations holding at least one filing or registration", example = "40") long organizations,
        @Schema(description = "Jurisdictions with at least one filing or registration", example = "5") long jurisdictions,
        @Schema(description = "Filings without a known filing date (counted only when asOf is absent)", example = "17") long undated,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "KindTotal")
    public record KindTotal(@Schema(example = "FILING") String kind, @Schema(example = "46") long count,
                            Map<String, Long> byStatus) {
    }

    @Schema(name = "RecentGrowth", description = "Filed within the 30 days ending on asOf (or today), by filing date in Asia/Shanghai")
    public record Recent(LocalDate from, LocalDate to, long count, Map<String, Long> byKind) {
    }
}
