package dev.beian.registry.api;

import dev.beian.registry.domain.OrganizationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "OrganizationInput")
public record OrganizationInput(
        @NotBlank @Size(max = 200) @Schema(example = "北京百度网讯科技有限公司") String legalName,
        @Size(max = 200) @Schema(example = "Baidu") String nameEn,
        @Size(max = 20) @Schema(example = "[\"百度\"]") List<@NotBlank @Size(max = 100) String> aliases,
        @Schema(description = "Defaults to OTHER") OrganizationType type,
        @Schema(example = "CN-BJ") String headquarters) {
}
