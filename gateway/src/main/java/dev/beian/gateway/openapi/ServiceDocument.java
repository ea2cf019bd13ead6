package dev.beian.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Predicate;

/**
 * One backend's OpenAPI document and which of its paths the gateway routes to it (only those are published,
 * so that every published operation can be tried through the gateway).
 */
public record ServiceDocument(String name, ObjectNode document, Predicate<String> routedPaths) {
}
