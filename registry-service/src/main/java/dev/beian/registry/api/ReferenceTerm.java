package dev.beian.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a reference vocabulary: a stable code and its names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReferenceTerm")
public record ReferenceTerm(
        @Schema(example = "CN-BJ") String code,
        @Schema(example = "北京市") String nameZh,
        @Schema(example = "Beijing") String nameEn,
        @Schema(description = "Short name as the CAC lists write it (jurisdictions only)", example = "北京") String shortNameZh,
        @Schema(description = "Prefix of this jurisdiction's filing numbers (jurisdictions only)", example = "Beijing") String filingPrefix) {
}
