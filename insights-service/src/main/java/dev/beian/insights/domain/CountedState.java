package dev.beian.insights.domain;

/**
 * The state of an entity that counts towards the aggregates (a filing or a deployment), as the change feed
 * carries it: the projector replaces its previous contribution with the new one in the same way for each.
 */
public interface CountedState<S extends CountedState<S>> {

    Long id();

    Long version();

    /** This state under the given id: the feed's entity id is authoritative over the one in the data. */
    S withId(long id);

    /** Adds (sign 1) or removes (sign -1) this state's share of the aggregates. */
    void contribute(int sign, Deltas deltas);
}
