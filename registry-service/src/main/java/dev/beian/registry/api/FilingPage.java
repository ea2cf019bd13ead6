package dev.beian.registry.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a list, with the opaque cursor of the next page (null on the last page). */
@Schema(name = "FilingPage")
public record FilingPage(List<FilingView> items, int limit, String nextCursor) {
}
