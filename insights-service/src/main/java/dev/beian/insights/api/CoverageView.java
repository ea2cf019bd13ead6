package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "Coverage", description = "Registry counts against the officially announced cumulative totals")
public record CoverageView(List<Point> points, WatermarkView watermark) implements Watermarked {

    @Schema(name = "CoveragePoint")
    public record Point(
            @Schema(example = "2024-12-31") LocalDate asOf,
            @Schema(description = "Officially announced filings (备案), cumulative", example = "302") int officialFilings,
            @Schema(description = "Officially announced registrations (登记); null where not announced", example = "105")
            Integer officialRegistrations,
            boolean approximate,
            @Schema(example = "official") String status,
            @Schema(description = "Filings in the registry with a filing date up to asOf", example = "28") long registryFilings,
            @Schema(example = "0") long registryRegistrations,
            @Schema(description = "registryFilings / officialFilings in percent, 1 decimal; null when not computable", example = "9.3")
            Double filingsPercent,
            @Schema(example = "0.0") Double registrationsPercent) {
    }
}
