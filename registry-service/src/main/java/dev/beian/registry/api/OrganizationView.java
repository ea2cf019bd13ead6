package dev.beian.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.beian.registry.domain.OrganizationType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Organization")
public record OrganizationView(
        @Schema(example = "7") long id,
        @Schema(example = "北京百度网讯科技有限公司") String legalName,
        @Schema(example = "Baidu") String nameEn,
        @Schema(example = "[\"百度\"]") List<String> aliases,
        OrganizationType type,
        @Schema(example = "CN-BJ") String headquarters,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "How many filings name it (not in change-feed events)") Long filingCount,
        Instant createdAt,
        Instant updatedAt,
        int version) {
}
