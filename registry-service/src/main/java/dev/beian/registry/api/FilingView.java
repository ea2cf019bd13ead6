package dev.beian.registry.api;

import dev.beian.registry.domain.Filing;
import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A filing as the API (and the change feed) shows it. */
@Schema(name = "Filing")
public record FilingView(
        @Schema(example = "42") long id,
        @Schema(description = "备案号 (filing) or 上线编号 (registration); unique case-insensitively", example = "Beijing-WenXinYiYan-20230821") String filingNumber,
        FilingKind kind,
        @Schema(description = "Name as filed", example = "文心一言") String name,
        @Schema(example = "ERNIE Bot") String nameEn,
        OrganizationRef organization,
        @Schema(description = "属地: ISO 3166-2:CN code or SASAC; null when unknown", example = "CN-BJ") String jurisdiction,
        @Schema(description = "备案时间; null when unknown", example = "2023-08-31") LocalDate filingDate,
        @Schema(description = "Which published list it came from", example = "2024-04 Attachment 1") String publicationBatch,
        @Schema(description = "序号 in the published list", example = "1") Integer sequenceNo,
        @Schema(example = "[\"TEXT\"]") List<String> categories,
        @Schema(example = "[\"GENERAL\"]") List<String> sectors,
        WeightsAccess weightsAccess,
        @Schema(description = "For a registration: the filing it builds on") Long baseFilingId,
        FilingStatus status,
        List<Filing.StatusChange> statusHistory,
        SourceView source,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Optimistic-lock version; the ETag is derived from it") int version) {

    @Schema(name = "OrganizationRef")
    public record OrganizationRef(
            @Schema(example = "7") long id,
            @Schema(example = "北京百度网讯科技有限公司") String legalName,
            @Schema(example = "Baidu") String nameEn) {
    }
}
