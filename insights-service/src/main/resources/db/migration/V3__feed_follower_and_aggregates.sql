-- The insights service follows the registry's change feed (docs/change-feed.md). Every batch of events is
-- applied in one transaction together with the advanced cursor, so a crash never applies a batch twice or
-- loses one. Everything below except follower_state's single row is derived and can be rebuilt from the feed.

CREATE TABLE follower_state (
    id              smallint    PRIMARY KEY CHECK (id = 1),
    feed_cursor     text,                        -- nextCursor of the last applied batch; null: start of the feed
    applied_at      timestamptz,                 -- when that batch was applied here
    event_time      timestamptz,                 -- occurredAt of the last applied event
    events_applied  bigint      NOT NULL DEFAULT 0 CHECK (events_applied >= 0),
    generation      integer     NOT NULL DEFAULT 0   -- bumped by every rebuild
);
INSERT INTO follower_state (id) VALUES (1);

-- Last applied state of each entity. An update is applied as (new contribution - old contribution), so
-- applying the same state twice changes nothing; deleted entities stay as tombstones so that a replayed
-- older event (lower version) cannot bring them back.
CREATE TABLE filing_projection (
    id                  bigint      PRIMARY KEY,
    version             bigint,
    deleted             boolean     NOT NULL,
    kind                text,
    status              text,
    status_since        date[]      NOT NULL,    -- status history, parallel arrays ordered as in the event
    status_values       text[]      NOT NULL,
    jurisdiction        text,
    filing_date         date,
    categories          text[]      NOT NULL,
    weights_access      text,
    organization_id     bigint,
    organization_name   text,
    organization_name_en text,
    base_filing_id      bigint,
    filing_number       text,
    name                text,
    name_en             text
);

CREATE TABLE organization_projection (
    id              bigint  PRIMARY KEY,
    version         bigint,
    deleted         boolean NOT NULL,
    legal_name      text,
    name_en         text,
    type            text,
    headquarters    text
);

CREATE TABLE deployment_projection (
    id              bigint  PRIMARY KEY,
    version         bigint,
    deleted         boolean NOT NULL,
    filing_id       bigint,
    region          text,
    sector          text,
    since           date
);

-- Dated counters as Fenwick trees (binary indexed trees) over day slots: slot 1 is 2020-01-01, slot 16383 is
-- 2064-11-07, slot 16384 holds undated items. Node k holds the sum of the lowbit(k) slots ending at k, i.e.
-- a rollup over an aligned power-of-two run of days (node 16384 is the grand total). A count "as of day d" is
-- the sum of at most 14 nodes and a change touches at most 15, whatever the number of filings; reads of a
-- breakdown touch (nodes x dimension values) rows, at most a few thousand.
-- metric names the counted thing and its dimensions (see Metric.java); absent dimensions are ''.
-- Codes compare byte-wise (COLLATE "C"): the database's C.UTF-8 collation would sort them through libc, several
-- times slower, for no benefit.
CREATE TABLE counter_node (
    metric  text    COLLATE "C" NOT NULL,
    node    integer NOT NULL CHECK (node BETWEEN 1 AND 16384),
    dim1    text    COLLATE "C" NOT NULL,
    dim2    text    COLLATE "C" NOT NULL,
    dim3    text    COLLATE "C" NOT NULL,
    n       bigint  NOT NULL,
    PRIMARY KEY (metric, node, dim1, dim2, dim3)
) WITH (fillfactor = 70);  -- room on each page for HOT updates: n changes constantly, the key never

-- Current per-organization counts for the top-N ranking; names come from the latest filing seen.
CREATE TABLE organization_stats (
    organization_id bigint  PRIMARY KEY,
    filings         integer NOT NULL DEFAULT 0 CHECK (filings >= 0),
    registrations   integer NOT NULL DEFAULT 0 CHECK (registrations >= 0),
    total           integer GENERATED ALWAYS AS (filings + registrations) STORED,
    legal_name      text,
    name_en         text,
    first_slot      integer                      -- day slot of its earliest filing; null: holds none
);
CREATE INDEX organization_stats_total ON organization_stats (total DESC, organization_id);
CREATE INDEX organization_stats_filings ON organization_stats (filings DESC, organization_id);
CREATE INDEX organization_stats_registrations ON organization_stats (registrations DESC, organization_id);

CREATE TABLE organization_category (
    organization_id bigint  NOT NULL,
    kind            text    COLLATE "C" NOT NULL,
    category        text    COLLATE "C" NOT NULL,
    n               integer NOT NULL CHECK (n >= 0),
    PRIMARY KEY (organization_id, kind, category)
);

-- How many filings an organization holds per day slot, to find its earliest.
CREATE TABLE organization_day (
    organization_id bigint  NOT NULL,
    slot            integer NOT NULL,
    n               integer NOT NULL CHECK (n >= 0),  -- rows reaching 0 are deleted in the same transaction
    PRIMARY KEY (organization_id, slot)
);

-- Registrations built on each base filing.
CREATE TABLE lineage_stats (
    base_filing_id  bigint  PRIMARY KEY,
    registrations   integer NOT NULL CHECK (registrations >= 0)
);
CREATE INDEX lineage_stats_rank ON lineage_stats (registrations DESC, base_filing_id);
