package dev.beian.registry.domain;

/** The how the model's weights can be had. Stored by name; the database checks the same set. */
public enum WeightsAccess {
    OPEN, API_ONLY, CLOSED
}
