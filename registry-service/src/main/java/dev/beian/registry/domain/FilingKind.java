package dev.beian.registry.domain;

/** The national filing (备案) or local registration (登记). Stored by name; the database checks the same set. */
public enum FilingKind {
    FILING, REGISTRATION
}
