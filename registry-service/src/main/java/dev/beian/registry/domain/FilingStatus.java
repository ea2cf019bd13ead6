package dev.beian.registry.domain;

/** The status of a filed service. Stored by name; the database checks the same set. */
public enum FilingStatus {
    ACTIVE, SUSPENDED, WITHDRAWN, REVOKED
}
