package dev.beian.insights.domain;

/**
 * The last applied state of an entity: live, or a tombstone (its last state before deletion), with the
 * entity version the registry gave it.
 */
public record Stored<T>(T state, Long version, boolean deleted) {

    public static <T> Stored<T> live(T state, Long version) {
        return new Stored<>(state, version, false);
    }

    public static <T> Stored<T> tombstone(T state, Long version) {
        return new Stored<>(state, version, true);
    }

    /** The state that currently contributes to the aggregates, or null for a tombstone. */
    public T contributing() {
        return deleted ? null : state;
    }

    /**
     * Whether an event with {@code incomingVersion} is older than what was applied, and so must be ignored:
     * a lower version, or a non-delete event of a version already deleted. Without versions, nothing is stale.
     */
    public boolean supersedes(Long incomingVersion, boolean incomingIsDelete) {
        if (version == null || incomingVersion == null) {
            return deleted && !incomingIsDelete;
        }
        if (incomingVersion < version) {
            return true;
        }
        return deleted && !incomingIsDelete && incomingVersion <= version;
    }
}
