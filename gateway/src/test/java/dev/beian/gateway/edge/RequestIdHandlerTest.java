package dev.beian.gateway.edge;

import dev.beian.common.web.RequestIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdHandlerTest {

    @Test
    void madeIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdHandler.newId();
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
            assertTrue(RequestIds.isValid(id), id);
            UUID uuid = UUID.fromString(id);
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant());
            assertTrue(seen.add(id), "repeated id " + id);
        }
    }

    @Test
    void metricsNamesFollowTheProxyRoutes() {
        assertEquals(MetricsPathHandler.INSIGHTS, MetricsPathHandler.template("/api/v1/insights"));
        assertEquals(MetricsPathHandler.INSIGHTS, MetricsPathHandler.template("/api/v1/insights/summary"));
        assertEquals(MetricsPathHandler.REGISTRY, MetricsPathHandler.template("/api/v1/insightsfoo"));
        assertEquals(MetricsPathHandler.REGISTRY, MetricsPathHandler.template("/api/v1/filings/500000"));
    }
}
