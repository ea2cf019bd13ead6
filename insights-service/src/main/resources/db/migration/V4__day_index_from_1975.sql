-- The day index reaches back before 2020 (DayIndex.java). Until now slot 1 was 2020-01-01 and every filing or
-- deployment dated earlier was counted on that day; the registry accepts dates from 1980 on
-- (RegisterDates.java), and real model lists go back that far.
--
-- The index now starts 2^14 days earlier (1975-02-22) with 2^15 slots, so the old slot and node k are the new
-- k + 16384: every old node covered a power-of-two run of at most 2^14 days, which stays aligned when shifted
-- by 2^14, and the old root (node 16384: every slot, undated included) becomes the new root 32768 (likewise
-- the undated slot 16384 becomes 32768). Adding 16384 re-bases all stored counters exactly. The primary keys
-- are dropped for the update and built again after it: one sort instead of an index entry per moved row. At
-- about a million filings (0.7M counter rows, 1M organization days, scripted data on PostgreSQL 15) it took
-- 39, 55 and 62 s on a shared 2-core machine at load average ~30; keeping the keys took 55 and 70 s.

-- First: re-basing would keep what was stored, including early dates moved onto 2020-01-01. If any counted
-- filing or deployment has such a date (the projections keep the real dates), the stored counters cannot be
-- split back into days: clear every derived table and reset the cursor, exactly as a rebuild does
-- (RebuildService), and the follower replays the change feed from its start with the new index. Without such
-- dates (every list of the CAC register so far) the upgrade is just the re-base below.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM filing_projection WHERE NOT deleted AND filing_date < DATE '2020-01-01')
            OR EXISTS (SELECT 1 FROM deployment_projection WHERE NOT deleted AND since < DATE '2020-01-01') THEN
        TRUNCATE counter_node, organization_stats, organization_category, organization_day, lineage_stats,
                 filing_projection, organization_projection, deployment_projection;
        UPDATE follower_state SET feed_cursor = NULL, applied_at = now(), event_time = NULL, events_applied = 0,
                                  generation = generation + 1
         WHERE id = 1;
        RAISE NOTICE 'Insights hold filings or deployments dated before 2020, counted on 2020-01-01 until now: '
                     'cleared for a rebuild; the follower replays the change feed from its start';
    END IF;
END $$;

ALTER TABLE counter_node DROP CONSTRAINT counter_node_pkey, DROP CONSTRAINT counter_node_node_check;
UPDATE counter_node SET node = node + 16384;
ALTER TABLE counter_node ADD PRIMARY KEY (metric, node, dim1, dim2, dim3),
    ADD CONSTRAINT counter_node_node_check CHECK (node BETWEEN 1 AND 32768);

ALTER TABLE organization_day DROP CONSTRAINT organization_day_pkey;
UPDATE organization_day SET slot = slot + 16384;
ALTER TABLE organization_day ADD PRIMARY KEY (organization_id, slot);
UPDATE organization_stats SET first_slot = first_slot + 16384 WHERE first_slot IS NOT NULL;
