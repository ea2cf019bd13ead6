/**
 * The officially announced totals that coverage is measured against: a small table edited by hand through
 * the API with optimistic locking. It is the one entity of this module kept with Hibernate ORM (Panache),
 * because its create/replace/delete with versioned If-Match is exactly what {@code @Version} does; the feed
 * aggregates use plain JDBC (see {@link dev.beian.insights.store}).
 */
package dev.beian.insights.official;
