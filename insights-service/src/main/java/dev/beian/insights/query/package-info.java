/**
 * The read side: the services behind the insights endpoints (summary, categories, regions, trends,
 * rankings, coverage) and the reference vocabulary that validates and labels their parameters. Each answer
 * is read in one statement through {@link dev.beian.insights.store.Reads}, so its numbers and its watermark
 * come from one snapshot.
 */
package dev.beian.insights.query;
