package dev.beian.registry.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "DeploymentInput")
public record DeploymentInput(
        @NotBlank @Schema(description = "ISO 3166-1 alpha-2 country or ISO 3166-2:CN province", example = "CN-GD") String region,
        @Schema(example = "FINANCE") String sector,
        @Schema(example = "2024-03-01") LocalDate since) {
}
