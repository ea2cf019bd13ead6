package dev.beian.gateway.security;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    private final AccessPolicy publicReads = new AccessPolicy(List.of("/api/v1/admin/**", "/api/v1/insights/admin"),
            List.of("/api/v1/webhooks"), false);
    private final AccessPolicy privateReads = new AccessPolicy(List.of("/api/v1/admin"), List.of(), true);

    @Test
    void readsArePublicByDefault() {
        assertEquals(Optional.empty(), publicReads.required(HttpMethod.GET, "/api/v1/filings"));
        assertEquals(Optional.empty(), publicReads.required(HttpMethod.HEAD, "/api/v1/filings/1"));
        assertEquals(Optional.empty(), publicReads.required(HttpMethod.OPTIONS, "/api/v1/filings"));
    }

    @Test
    void readsNeedAReaderWhenKeysAreRequiredForReads() {
        assertEquals(Optional.of(Role.READER), privateReads.required(HttpMethod.GET, "/api/v1/filings"));
    }

    @Test
    void writesNeedAnEditor() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
            assertEquals(Optional.of(Role.EDITOR), publicReads.required(method, "/api/v1/filings"));
        }
    }

    @Test
    void adminPathsNeedAnAdminForEveryMethodButOnlyOnSegmentBoundaries() {
        assertEquals(Optional.of(Role.ADMIN), publicReads.required(HttpMethod.GET, "/api/v1/admin"));
        assertEquals(Optional.of(Role.ADMIN), publicReads.required(HttpMethod.GET, "/api/v1/admin/keys"));
        assertEquals(Optional.of(Role.ADMIN), publicReads.required(HttpMethod.POST, "/api/v1/insights/admin/rebuild"));
        assertEquals(Optional.empty(), publicReads.required(HttpMethod.GET, "/api/v1/administrations"));
    }

    @Test
    void editorPathsNeedAnEditorForReadsToo() {
        assertEquals(Optional.of(Role.EDITOR), publicReads.required(HttpMethod.GET, "/api/v1/webhooks"));
        assertEquals(Optional.of(Role.EDITOR), publicReads.required(HttpMethod.GET, "/api/v1/webhooks/3/deliveries"));
        assertEquals(Optional.of(Role.EDITOR), publicReads.required(HttpMethod.DELETE, "/api/v1/webhooks/3"));
        assertEquals(Optional.empty(), publicReads.required(HttpMethod.GET, "/api/v1/webhooksx"));
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertTrue(Role.ADMIN.includes(Role.EDITOR));
        assertTrue(Role.EDITOR.includes(Role.READER));
        assertTrue(!Role.READER.includes(Role.EDITOR));
    }
}
