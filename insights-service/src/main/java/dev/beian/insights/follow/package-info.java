/**
 * Following the registry's change feed: the HTTP client of {@code GET /api/v1/changes}, the follower loop that
 * one replica runs under a PostgreSQL advisory lock ({@link dev.beian.insights.follow.FollowerLease}), the
 * applier that turns a batch of events into aggregate deltas in one transaction, and the rebuild from the
 * start of the feed. Writes go through the JDBC stores of {@link dev.beian.insights.store}; nothing here is
 * read by the HTTP answers.
 */
package dev.beian.insights.follow;
