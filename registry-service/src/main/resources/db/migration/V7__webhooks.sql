-- Webhook subscriptions: each one is a consumer of the change feed with its own cursor, so deliveries resume
-- where they stopped after a restart. The signing secret is stored as issued because signing needs it
-- (HMAC); it never leaves the service after the create or rotate answer.
CREATE TABLE webhook_subscription (
    id                     bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                    text         NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
    events                 text[]       NOT NULL CHECK (cardinality(events) > 0),
    filter_jurisdiction    varchar(16),
    filter_kind            varchar(20)  CHECK (filter_kind IN ('FILING', 'REGISTRATION')),
    filter_category        varchar(20),
    filter_organization    bigint       CHECK (filter_organization > 0),
    status                 varchar(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'FAILING')),
    secret                 text         NOT NULL,
    previous_secret        text,
    previous_secret_until  timestamptz,
    -- The feed position of the last event delivered (or skipped by the filter): (txid, seq) as in FeedCursor.
    cursor_txid            bigint       NOT NULL,
    cursor_seq             bigint       NOT NULL,
    -- Failed attempts at the event after the cursor, and when to try it again.
    failed_attempts        int          NOT NULL DEFAULT 0,
    first_failure_at       timestamptz,
    next_attempt_at        timestamptz  NOT NULL DEFAULT now(),
    created_by             varchar(100) NOT NULL,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now()
);

-- The dispatcher's scan: active subscriptions that are due.
CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE status = 'ACTIVE';

CREATE TABLE webhook_delivery (
    id                bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id   bigint       NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    message_id        varchar(60)  NOT NULL,
    event_type        varchar(40)  NOT NULL,
    event_txid        bigint       NOT NULL,
    event_seq         bigint       NOT NULL,
    attempt           int          NOT NULL CHECK (attempt > 0),
    redelivery        boolean      NOT NULL DEFAULT false,
    succeeded         boolean      NOT NULL,
    status_code       int,
    latency_ms        int          NOT NULL,
    response_excerpt  varchar(1024),
    error             varchar(500),
    attempted_at      timestamptz  NOT NULL DEFAULT now()
);

-- The delivery log is read newest first per subscription.
CREATE INDEX webhook_delivery_by_subscription ON webhook_delivery (subscription_id, id DESC);
