-- PersonalMem schema. Applied by the service when it first reaches the database (idempotent), and
-- mounted into the postgres container by docker-compose.yml.
--
-- Every worker applies it at start-up, so on a database that is up to date it must take no
-- lock on a table: ALTER TABLE … ADD COLUMN IF NOT EXISTS and CREATE INDEX IF NOT EXISTS lock
-- the table before they find there is nothing to do, so one open transaction on it made a
-- starting worker wait, and every read and write queued behind that wait. Those changes are
-- made only when the catalog says they are missing (tests/test_database_paths.py).

-- One row per user: memories holds the profile, field -> value
-- (a string, number, boolean or a list of strings).
CREATE TABLE IF NOT EXISTS user_memories (
    user_id TEXT PRIMARY KEY,
    memories JSONB NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now(),
    updated_at TIMESTAMPTZ DEFAULT now()
);

-- No GIN index on memories: no query looks inside profiles across users (a user's own row is
-- read by its key, and search runs over that one row), and every write had to maintain one.
-- Without it, a message's write statement ran ~1.5x as fast in pgbench (bench notes, issue 12).
DROP INDEX IF EXISTS idx_memories_gin;

-- Per-field times, field -> {"created_at": ISO-8601, "updated_at": ISO-8601},
-- kept beside the profile so that memories stays plain field -> value.
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_attribute
        WHERE attrelid = 'user_memories'::regclass AND attname = 'field_times' AND NOT attisdropped
    ) THEN
        ALTER TABLE user_memories ADD COLUMN field_times JSONB NOT NULL DEFAULT '{}'::jsonb;
    END IF;
END $$;

-- Per-field history: one row per change of one field. Values only (field -> value before and
-- after), never the message that caused it. has_values is false for a deleted field or a field
-- removed under a "never remember" rule: the row says that it happened, not what it held.
-- One index only, (user_id, id DESC), serves listing, paging, the undo look-up (user and id) and
-- pruning: every write maintains it, and a second index (or a primary key) measurably slowed
-- writes (bench/history_cost.py). ids come from the sequence, so they are unique all the same.
CREATE TABLE IF NOT EXISTS memory_events (
    id BIGSERIAL,
    user_id TEXT NOT NULL,
    field TEXT NOT NULL,
    event TEXT NOT NULL,
    before JSONB,
    after JSONB,
    has_values BOOLEAN NOT NULL DEFAULT true,
    source TEXT NOT NULL,
    request_id TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Retention deletes every user's events older than HISTORY_RETENTION_DAYS from time to time
-- (memory_service.prune_history). Events arrive in time order, so a BRIN index (a few pages
-- for millions of rows, next to nothing per insert) finds the old ones without a full scan.
DO $$
BEGIN
    IF to_regclass('idx_memory_events_user_id') IS NULL THEN
        CREATE INDEX idx_memory_events_user_id ON memory_events (user_id, id DESC);
    END IF;
    IF to_regclass('idx_memory_events_created_brin') IS NULL THEN
        CREATE INDEX idx_memory_events_created_brin ON memory_events USING brin (created_at);
    END IF;
END $$;

-- "Never remember" rules: topics, fields or words a user does not want stored.
CREATE TABLE IF NOT EXISTS memory_rules (
    id BIGSERIAL,  -- keeps the order the rules were given in
    user_id TEXT NOT NULL,
    rule TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, rule)
);
