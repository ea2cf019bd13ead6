package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Schema(name = "Trends", description = "Filings per calendar period (Asia/Shanghai) by filing date")
public record TrendsView(
        @Schema(example = "month") String bucket,
        @Schema(example = "per-period") String mode,
        LocalDate from,
        LocalDate to,
        @Schema(example = "FILING") String kind,
        List<Point> series,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "TrendPoint", description = "per-period: filed in the period (within from..to); "
            + "cumulative: filed from the start of the register to the period's end (or to)")
    public record Point(
            @Schema(example = "2024-03") String period,
            LocalDate start,
            LocalDate end,
            @Schema(example = "12") long count,
            Map<String, Long> byKind) {
    }
}
