package dev.beian.registry.domain;

/** The kind of filing entity. Stored by name; the database checks the same set. */
public enum OrganizationType {
    BIG_TECH, STARTUP, UNIVERSITY, STATE_OWNED, RESEARCH_INSTITUTE, OTHER
}
