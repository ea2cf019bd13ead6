package dev.beian.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "OrganizationPage")
public record OrganizationPage(List<OrganizationView> items, int limit, String nextCursor) {
}
