package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "Matrix", description = "Category x jurisdiction cross-tab of filings")
public record MatrixView(
        Filters filters,
        @Schema(description = "Column order", example = "[\"TEXT\",\"IMAGE\",\"AUDIO\",\"VIDEO\",\"CODE\",\"MULTIMODAL\"]")
        List<String> categories,
        @Schema(description = "One row per jurisdiction, in the vocabulary's order") List<Row> rows,
        @Schema(description = "Filings whose jurisdiction is not known") Row unknownJurisdiction,
        @Schema(description = "Filings per category over all rows") Map<String, Long> categoryTotals,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "MatrixRow")
    public record Row(
            @Schema(example = "CN-BJ") String jurisdiction,
            @Schema(example = "北京市") String nameZh,
            @Schema(example = "Beijing") String nameEn,
            @Schema(description = "Filings per category") Map<String, Long> counts,
            @Schema(description = "Filings in the jurisdiction (a filing in two categories counts once)") long filings) {
    }
}
