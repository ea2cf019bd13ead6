package dev.beian.registry.api;

import dev.beian.registry.domain.FilingKind;
import dev.beian.registry.domain.FilingStatus;
import dev.beian.registry.domain.WeightsAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * The writable fields of a filing: the body of create and full update, and the document a JSON Merge Patch
 * applies to. The organization is named by id or by legal name (created when new).
 */
@Schema(name = "FilingInput")
public record FilingInput(
        @Size(min = 3, max = 80) @Schema(example = "Beijing-WenXinYiYan-20230821") String filingNumber,
        @NotNull FilingKind kind,
        @Positive Integer sequenceNo,
        @NotBlank @Size(max = 200) @Schema(example = "文心一言") String name,
        @Size(max = 200) @Schema(example = "ERNIE Bot") String nameEn,
        @Schema(description = "Organization id; give this or organizationName", example = "7") Long organizationId,
        @Size(max = 200) @Schema(description = "Organization legal name, resolved after normalising width and whitespace, created when new", example = "北京百度网讯科技有限公司") String organizationName,
        @Schema(example = "CN-BJ") String jurisdiction,
        @Schema(example = "2023-08-31") LocalDate filingDate,
        @Size(max = 100) @Schema(example = "2024-04 Attachment 1") String publicationBatch,
        @Size(max = 6) @Schema(example = "[\"TEXT\"]") List<String> categories,
        @Size(max = 20) @Schema(example = "[\"GENERAL\"]") List<String> sectors,
        WeightsAccess weightsAccess,
        Long baseFilingId,
        @Schema(description = "Defaults to ACTIVE") FilingStatus status,
        @Schema(description = "Date a status change takes effect; defaults to today (Asia/Shanghai)") LocalDate statusDate,
        @Valid SourceView source) {
}
