-- Fewer indexes to maintain on every inserted filing (imports write 100,000 at a time), none that a list
-- query needs:
-- * categories and sectors: each value is held by a sizeable share of filings (the rarest category by about
--   6% of a million), so a filtered page is read faster along the sort's own index, filtering as it goes,
--   than through a GIN index that must collect every match before sorting. Together they were an eighth of
--   the insert cost.
-- * kind: two values, each a large share; the sort's index with a filter serves it the same way.
-- * status: nearly every filing is ACTIVE, so only the others need an index of their own (a page of ACTIVE
--   filings is read along the sort's index); imports of active filings no longer touch it.
DROP INDEX filing_categories_idx;
DROP INDEX filing_sectors_idx;
DROP INDEX filing_kind_date_idx;
DROP INDEX filing_status_date_idx;
CREATE INDEX filing_inactive_status_date_idx ON filing (status, (coalesce(filing_date, DATE '0001-01-01')), id)
    WHERE status <> 'ACTIVE';
