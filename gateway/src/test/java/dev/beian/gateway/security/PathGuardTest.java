package dev.beian.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/filings", "/api/v1/filings/", "/api/v1/filings/Beijing-LLM-2024-01",
            "/api/v1/organizations/%E5%8C%97%E4%BA%AC", "/api/v1/filings/a%20b", "/api/v1/insights/categories.csv"})
    void acceptsPlainPaths(String path) {
        assertTrue(PathGuard.isCanonical(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/../admin", "/api/v1/./admin", "/api/v1/x/..", "/api/v1//admin", "/api/v1/admin;a=b",
            "/api/v1\\admin", "/api/v1/%61dmin", "/api/v1/%2e%2e/admin", "/api/v1/a%2Fb", "/api/v1/a%5cb",
            "/api/v1/a%3Bb", "/api/v1/a%00", "/api/v1/a b", "api/v1/filings", ""})
    void refusesSpellingsABackendWouldResolveDifferently(String path) {
        assertFalse(PathGuard.isCanonical(path));
    }
}
