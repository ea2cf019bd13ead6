package dev.beian.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "DeploymentPage")
public record DeploymentPage(List<DeploymentView> items, int limit, String nextCursor) {
}
