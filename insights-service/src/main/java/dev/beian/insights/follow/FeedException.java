package dev.beian.insights.follow;

/**
 * The change feed could not be read: the registry is unreachable or answered with an error. {@code reachable}
 * tells a registry that answered (e.g. 400 for a cursor it does not know) from one that did not.
 */
public class FeedException extends Exception {

    private final boolean reachable;

    public FeedException(String message, boolean reachable, Throwable cause) {
        super(message, cause);
        this.reachable = reachable;
    }

    public boolean reachable() {
        return reachable;
    }
}
