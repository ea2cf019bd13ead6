package dev.beian.insights.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Regions", description = "Filings per jurisdiction and adoption (deployments) per region and sector")
public record RegionsView(
        Filters filters,
        @Schema(example = "49") long filings,
        @Schema(description = "Every jurisdiction, most filings first") List<JurisdictionCount> jurisdictions,
        @Schema(description = "Filings whose jurisdiction is not known", example = "24") long unknownJurisdiction,
        Adoption adoption,
        WatermarkView watermark) implements Watermarked {

    @Schema(name = "JurisdictionCount")
    public record JurisdictionCount(
            @Schema(example = "CN-BJ") String code,
            @Schema(example = "北京市") String nameZh,
            @Schema(example = "Beijing") String nameEn,
            @Schema(example = "6") long count,
            @Schema(example = "0.1224") double share) {
    }

    @Schema(name = "Adoption", description = "Deployments (by their since date; the kind filter does not apply)")
    public record Adoption(
            @Schema(example = "12") long deployments,
            List<NamedCount> byRegion,
            List<NamedCount> bySector) {
    }

    @Schema(name = "NamedCount")
    public record NamedCount(
            @Schema(example = "CN-GD") String code,
            @Schema(example = "广东省") String nameZh,
            @Schema(example = "Guangdong") String nameEn,
            @Schema(example = "3") long count) {
    }
}
