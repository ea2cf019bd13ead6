package dev.beian.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/filings", "/api/v1/filings/", "/api/v1/filings/Beijing-LLM-2024-01",
            "/api/v1/organizations/%E5%8C%97%E4%BA%AC", "/api/v1/filings/a%20b", "/api/v1/insights/categories.csv",
            "/", "/api/v1/.well-known", "/api/v1/..x", "/api/v1/x..", "/api/v1/a%2", "/api/v1/a%", "/api/v1/%4",
            "/api/v1/a%20", "/api/v1/%3a", "/api/v1/%3C", "/api/v1/%40", "/api/v1/%5B", "/api/v1/%5d", "/api/v1/%60",
            "/api/v1/%7B", "/api/v1/%80", "/api/v1/%G1", "/api/v1/%1G", "/api/v1/\u00fc"})
    void acceptsPlainPaths(String path) {
        assertTrue(PathGuard.isCanonical(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/../admin", "/api/v1/./admin", "/api/v1/x/..", "/api/v1//admin", "/api/v1/admin;a=b",
            "/api/v1\\admin", "/api/v1/%61dmin", "/api/v1/%2e%2e/admin", "/api/v1/a%2Fb", "/api/v1/a%5cb",
            "/api/v1/a%3Bb", "/api/v1/a%00", "/api/v1/a b", "api/v1/filings", "",
            "//", "/.", "/..", "/api/v1/a/./", "/api/v1/a%7e", "/api/v1/a%7F", "/api/v1/a%1f", "/api/v1/%5F", "/api/v1/%5a",
            "/api/v1/%7a", "/api/v1/%30", "/api/v1/%39", "/api/v1/%2D", "/api/v1/%41", "/api/v1/%6f", "/api/v1/a\tb",
            "/api/v1/a\u007fb"})
    void refusesSpellingsABackendWouldResolveDifferently(String path) {
        assertFalse(PathGuard.isCanonical(path));
    }
}
