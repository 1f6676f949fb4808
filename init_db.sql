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

-- A message's two statements, as functions. PL/pgSQL plans each of its statements once per
-- server connection and keeps the plan; a statement sent as text is parsed and planned on every
-- call, and planning these two (a join, a sub-select of the rules, an UPDATE and an INSERT)
-- cost more than running them: with pgbench, a message's read and write run ~1.8x as fast as
-- functions. Nothing is prepared on the connection, so a pooler in transaction mode
-- (PgBouncer) may hand it to anyone between calls. Each names the one user it touches as its
-- first argument, so that a sharded cluster routes the call to that user's shard (Citus:
-- create_distributed_function, README "Sharding").
--
-- Created only when missing, like the indexes above: a starting worker writes no catalog row
-- and needs no ownership of them. A changed body takes a new name (_v2), so a worker of the
-- previous release keeps calling the one it knows until it stops.
DO $do$
BEGIN
    IF to_regprocedure('personalmem_message_read_v1(text)') IS NULL THEN
        -- The profile, its field times, the user's rules and the row's version (xmin; NULL: no row).
        CREATE FUNCTION personalmem_message_read_v1(p_user text)
        RETURNS TABLE (memories jsonb, field_times jsonb, rules text[], version text)
        LANGUAGE plpgsql STABLE AS $fn$
        BEGIN
            RETURN QUERY
            SELECT m.memories, m.field_times,
                   ARRAY(SELECT r.rule FROM memory_rules r WHERE r.user_id = p_user ORDER BY r.id),
                   m.xmin::text
            FROM (SELECT 1) AS one LEFT JOIN user_memories m ON m.user_id = p_user;
        END $fn$;
    END IF;
    IF to_regprocedure('personalmem_message_write_v1(text, xid, text[], jsonb, jsonb, jsonb, text, text)') IS NULL THEN
        -- A message's write: the profile is replaced only if its row is still `p_version` (xmin,
        -- which every UPDATE of the row changes) and the user's rules are still `p_rules`; then its
        -- history events (NULL when history is off) are added. false: someone wrote in between,
        -- and nothing was written.
        CREATE FUNCTION personalmem_message_write_v1(
            p_user text, p_version xid, p_rules text[], p_memories jsonb, p_times jsonb,
            p_events jsonb, p_source text, p_request text
        ) RETURNS boolean
        LANGUAGE plpgsql AS $fn$
        BEGIN
            UPDATE user_memories SET memories = p_memories, field_times = p_times, updated_at = now()
            WHERE user_id = p_user AND xmin = p_version
              AND ARRAY(SELECT r.rule FROM memory_rules r WHERE r.user_id = p_user ORDER BY r.id) = p_rules;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            IF p_events IS NOT NULL THEN
                INSERT INTO memory_events (user_id, field, event, before, after, has_values, source, request_id)
                SELECT p_user, e.field, e.event, e.before, e.after, e.has_values, p_source, p_request
                FROM jsonb_to_recordset(p_events)
                     AS e(field text, event text, before jsonb, after jsonb, has_values boolean);
            END IF;
            RETURN true;
        END $fn$;
    END IF;
END $do$;
