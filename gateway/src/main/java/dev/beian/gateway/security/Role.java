package dev.beian.gateway.security;

/** What an API key may do; each role includes the ones before it. */
public enum Role {
    READER, EDITOR, ADMIN;

    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
