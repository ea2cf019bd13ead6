-- Organizations, filings, deployments, their history, idempotency records and the change-feed outbox.

CREATE TABLE organization (
    id               bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    legal_name       text         NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
    -- legal name after folding full-width forms (NFKC) and whitespace: the uniqueness key
    normalized_name  text         NOT NULL UNIQUE,
    name_en          text         CHECK (length(name_en) <= 200),
    aliases          text[]       NOT NULL DEFAULT '{}',
    type             varchar(24)  NOT NULL DEFAULT 'OTHER'
                     CHECK (type IN ('BIG_TECH', 'STARTUP', 'UNIVERSITY', 'STATE_OWNED', 'RESEARCH_INSTITUTE', 'OTHER')),
    headquarters     varchar(8)   REFERENCES jurisdiction (code),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    version          integer      NOT NULL DEFAULT 0
);

-- Substring search must serve one- and two-character Chinese queries, which pg_trgm cannot: every filing
-- keeps the set of its search text's one- and two-character n-grams (computed by the service, which is
-- ten times faster than doing it in SQL at import rates) in a GIN index.
CREATE TABLE filing (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filing_number      text         CHECK (length(filing_number) BETWEEN 3 AND 80),
    kind               varchar(16)  NOT NULL CHECK (kind IN ('FILING', 'REGISTRATION')),
    sequence_no        integer      CHECK (sequence_no > 0),            -- 序号 in the published list
    name               text         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_en            text         CHECK (length(name_en) <= 200),
    organization_id    bigint       NOT NULL REFERENCES organization (id),
    jurisdiction       varchar(8)   REFERENCES jurisdiction (code),
    filing_date        date,
    publication_batch  text         CHECK (length(publication_batch) <= 100),
    categories         text[]       NOT NULL DEFAULT '{}'
                       CHECK (categories <@ ARRAY['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'CODE', 'MULTIMODAL']),
    sectors            text[]       NOT NULL DEFAULT '{}',
    weights_access     varchar(16)  CHECK (weights_access IN ('OPEN', 'API_ONLY', 'CLOSED')),
    base_filing_id     bigint       REFERENCES filing (id) ON DELETE SET NULL,
    status             varchar(16)  NOT NULL DEFAULT 'ACTIVE'
                       CHECK (status IN ('ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'REVOKED')),
    status_history     jsonb        NOT NULL DEFAULT '[]',
    source_list        text,
    source_row         integer,
    source_url         text,
    search_text        text         NOT NULL,
    search_grams       text[]       COLLATE "C" NOT NULL DEFAULT '{}',  -- byte order: cheapest GIN keys
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            integer      NOT NULL DEFAULT 0
);

-- Filing numbers are unique case-insensitively (the lists write Beijing-DeepSeekChat and Beijing-DeepseekChat).
CREATE UNIQUE INDEX filing_number_uq ON filing (lower(filing_number));
-- Numbering runs on across the published attachments: one list row per kind and sequence number.
CREATE UNIQUE INDEX filing_sequence_uq ON filing (kind, sequence_no);

-- Keyset pagination: one index per sort key with the id tiebreaker, and the common filter + sort pairs.
CREATE INDEX filing_date_idx ON filing ((coalesce(filing_date, DATE '0001-01-01')), id);
CREATE INDEX filing_name_idx ON filing (name, id);
CREATE INDEX filing_updated_idx ON filing (updated_at, id);
CREATE INDEX filing_jurisdiction_date_idx ON filing (jurisdiction, (coalesce(filing_date, DATE '0001-01-01')), id);
CREATE INDEX filing_kind_date_idx ON filing (kind, (coalesce(filing_date, DATE '0001-01-01')), id);
CREATE INDEX filing_status_date_idx ON filing (status, (coalesce(filing_date, DATE '0001-01-01')), id);
CREATE INDEX filing_organization_date_idx ON filing (organization_id, (coalesce(filing_date, DATE '0001-01-01')), id);
CREATE INDEX filing_base_idx ON filing (base_filing_id) WHERE base_filing_id IS NOT NULL;
CREATE INDEX filing_categories_idx ON filing USING gin (categories);
CREATE INDEX filing_sectors_idx ON filing USING gin (sectors);
CREATE INDEX filing_search_idx ON filing USING gin (search_grams);

CREATE TABLE deployment (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filing_id   bigint       NOT NULL REFERENCES filing (id) ON DELETE CASCADE,
    region      varchar(8)   NOT NULL,       -- ISO 3166-1 alpha-2 country, or ISO 3166-2:CN province
    sector      varchar(24)  REFERENCES sector (code),
    since       date,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    version     integer      NOT NULL DEFAULT 0
);
CREATE INDEX deployment_filing_idx ON deployment (filing_id, id);

-- Every change to a filing: when, by whom, which fields (from -> to). Kept after the filing is deleted.
CREATE TABLE filing_history (
    id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    filing_id  bigint       NOT NULL,
    at         timestamptz  NOT NULL DEFAULT now(),
    actor      text         NOT NULL,
    action     varchar(32)  NOT NULL,
    changes    json         NOT NULL DEFAULT '{}'   -- written often, read whole: json, not jsonb
);
CREATE INDEX filing_history_filing_idx ON filing_history (filing_id, id);

-- Idempotency-Key: the first answer to a key is stored with a hash of its request, and replayed on retry.
CREATE TABLE idempotency_record (
    scope          text         NOT NULL,
    key            text         NOT NULL,
    request_hash   text         NOT NULL,
    status         integer,
    body           text,
    content_type   text,
    location       text,
    etag           text,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

-- Transactional outbox. txid orders events safely: an event is only served once no transaction that could
-- still commit an earlier event is running (txid < the current snapshot's xmin).
CREATE TABLE change_event (
    seq          bigint       GENERATED ALWAYS AS IDENTITY,
    txid         xid8         NOT NULL DEFAULT pg_current_xact_id(),
    occurred_at  timestamptz  NOT NULL DEFAULT clock_timestamp(),
    type         varchar(40)  NOT NULL,
    entity_id    bigint       NOT NULL,
    data         json         NOT NULL,         -- read back as text only
    PRIMARY KEY (txid, seq)
);
