package dev.beian.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), the one shape of every error answer.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "URI identifying the problem type", example = "https://beian.dev/problems/validation")
        URI type,
        @Schema(description = "Short summary of the problem type", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence", example = "Parameter 'limit' must be between 1 and 200")
        String detail,
        @Schema(description = "The request path that failed", example = "/api/v1/filings")
        String instance,
        @Schema(description = "Request id to quote to support", example = "3f1c9a7e-4a1b-4a52-9d2e-0f8b6a1d2c3e")
        String requestId,
        @Schema(description = "Field-level errors, for validation problems")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://beian.dev/problems/";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "filingNumber") String field,
            @Schema(example = "must not be blank") String message) {
    }
}
