-- PersonalMem schema. Applied by the service when it first reaches the database (idempotent), and
-- mounted into the postgres container by docker-compose.yml.

-- One row per user: memories holds the profile, field -> value
-- (a string, number, boolean or a list of strings).
CREATE TABLE IF NOT EXISTS user_memories (
    user_id TEXT PRIMARY KEY,
    memories JSONB NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now(),
    updated_at TIMESTAMPTZ DEFAULT now()
);

CREATE INDEX IF NOT EXISTS idx_memories_gin ON user_memories USING GIN (memories);

-- Per-field times, field -> {"created_at": ISO-8601, "updated_at": ISO-8601},
-- kept beside the profile so that memories stays plain field -> value.
ALTER TABLE user_memories
    ADD COLUMN IF NOT EXISTS field_times JSONB NOT NULL DEFAULT '{}'::jsonb;
