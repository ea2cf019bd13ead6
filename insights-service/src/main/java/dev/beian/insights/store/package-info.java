/**
 * The JDBC stores of the derived aggregates (counters per day, organizations, lineage, projections of each
 * filing) and of the follower's own state (cursor, watermark). Insights is written in batches of feed events
 * with COPY and multi-row upserts and read with one SQL statement per answer, so plain JDBC over the Agroal
 * pool is the persistence style of these aggregates: an ORM would add a session and dirty checking to a path
 * that neither needs. The one exception is the small editable table of official totals, see
 * {@link dev.beian.insights.official}.
 */
package dev.beian.insights.store;
