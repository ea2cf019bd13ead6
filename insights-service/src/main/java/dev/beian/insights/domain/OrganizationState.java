package dev.beian.insights.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An organization's state as the change feed carries it, reduced to what insights show. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationState(Long id, String legalName, String nameEn, String type, String headquarters,
                                Long version) {
}
