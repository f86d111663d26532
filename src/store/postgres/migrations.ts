import type pg from 'pg';
import { LOCK_MIGRATE, LOCK_NAMESPACE } from './locks.js';

/** Text compared and ordered byte by byte, as SQLite's BINARY collation does, whatever the database's locale. */
const T = 'TEXT COLLATE "C"';

/** One full-text table: a row per indexed document and its posting list (term, doc, hits per column). */
function ftsTables(name: string, col0: string, col1: string): string {
  return `
CREATE TABLE ${name}_fts (doc INTEGER PRIMARY KEY, key ${T} NOT NULL, tokens INTEGER NOT NULL);
COMMENT ON TABLE ${name}_fts IS 'Documents of the ${name} full-text index: tokens = FTS5 column sizes summed';
CREATE TABLE ${name}_fts_terms (
  term ${T} NOT NULL, doc INTEGER NOT NULL, f0 INTEGER NOT NULL, f1 INTEGER NOT NULL, tokens INTEGER NOT NULL,
  PRIMARY KEY (term, doc) INCLUDE (f0, f1, tokens)
);
COMMENT ON TABLE ${name}_fts_terms IS 'Postings: FTS5 terms (porter unicode61 remove_diacritics 2) with hits in ${col0} (f0) and ${col1} (f1)';`;
}

/**
 * The PostgreSQL schema: the same numbered migrations as SQLite (same version, same name, same tables
 * and uniqueness rules). Never edit a shipped migration: add the next number in both dialects.
 *
 * The full-text index keeps what FTS5's bm25() reads — per-document token counts and per-column hit
 * counts of each term, with the terms cut by FTS5's own tokenizer — so the ranking is computed from
 * the same numbers with the same formula (see fts-search.ts).
 */
export const PG_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE FUNCTION chipbrief_ascii_lower(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') $$;
COMMENT ON FUNCTION chipbrief_ascii_lower(text) IS 'SQLite NOCASE: folds ASCII letters only';
CREATE TABLE sources (
  id ${T} PRIMARY KEY, kind TEXT NOT NULL, url ${T} NOT NULL UNIQUE, name TEXT,
  enabled BOOLEAN NOT NULL DEFAULT TRUE, added_by TEXT, priority INTEGER NOT NULL DEFAULT 0,
  poll_minutes INTEGER NOT NULL DEFAULT 30, etag TEXT, last_modified TEXT, last_polled_at TEXT
);
CREATE TABLE articles (
  seq INTEGER GENERATED ALWAYS AS IDENTITY UNIQUE,
  id ${T} PRIMARY KEY, url TEXT NOT NULL, source_id ${T}, title TEXT NOT NULL, byline TEXT,
  site_name TEXT, published_at ${T}, fetched_at ${T} NOT NULL, text TEXT NOT NULL,
  content_hash ${T} NOT NULL, story_id ${T}
);
CREATE INDEX articles_content_hash ON articles(content_hash, seq);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published_at);
CREATE TABLE quotes (
  seq INTEGER GENERATED ALWAYS AS IDENTITY UNIQUE,
  id ${T} PRIMARY KEY, article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, speaker_name ${T},
  speaker_role TEXT, speaker_kind TEXT NOT NULL, cue TEXT, verified BOOLEAN NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_speaker ON quotes(chipbrief_ascii_lower(speaker_name));
CREATE INDEX quotes_speaker_suffix ON quotes((reverse(chipbrief_ascii_lower(speaker_name))) COLLATE "C");
CREATE TABLE mentions (
  article_id ${T} NOT NULL REFERENCES articles(id) ON DELETE CASCADE, kind ${T} NOT NULL,
  canonical ${T} NOT NULL, surface TEXT NOT NULL, start INTEGER NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (article_id, kind, canonical)
);
CREATE INDEX mentions_entity ON mentions(kind, chipbrief_ascii_lower(canonical));
CREATE TABLE stories (
  id ${T} PRIMARY KEY, canonical_article_id ${T} NOT NULL, first_seen ${T} NOT NULL, last_seen ${T} NOT NULL
);
CREATE INDEX stories_first_seen ON stories(first_seen);
CREATE TABLE story_keys (key ${T} NOT NULL, article_id ${T} NOT NULL, PRIMARY KEY (key, article_id));
CREATE TABLE sketches (article_id ${T} PRIMARY KEY, sketch TEXT NOT NULL);
CREATE TABLE briefs (
  seq INTEGER GENERATED ALWAYS AS IDENTITY UNIQUE,
  id ${T} PRIMARY KEY, story_id ${T} NOT NULL, content_hash ${T} NOT NULL, prompt_version ${T} NOT NULL,
  model ${T} NOT NULL, summarizer TEXT NOT NULL, headline TEXT NOT NULL, bullets TEXT NOT NULL,
  quote_ids TEXT NOT NULL, tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL, fallback_reason TEXT,
  created_at ${T} NOT NULL,
  UNIQUE (story_id, content_hash, prompt_version, model)
);
CREATE INDEX briefs_story ON briefs(story_id, created_at);
CREATE TABLE llm_usage (
  day ${T} PRIMARY KEY, calls BIGINT NOT NULL, tokens_in BIGINT NOT NULL, tokens_out BIGINT NOT NULL,
  fallbacks BIGINT NOT NULL
);
CREATE TABLE subscriptions (
  platform ${T} NOT NULL, workspace_id TEXT NOT NULL, channel_id ${T} NOT NULL, time TEXT NOT NULL,
  tz TEXT NOT NULL, filters TEXT NOT NULL, created_by TEXT, PRIMARY KEY (platform, channel_id)
);
CREATE TABLE digests (
  id ${T} PRIMARY KEY, platform ${T} NOT NULL, channel_id ${T} NOT NULL, date ${T} NOT NULL,
  story_ids TEXT NOT NULL, attempted_at TEXT, message_ref TEXT, posted_at TEXT,
  UNIQUE (platform, channel_id, date)
);
CREATE TABLE threads (
  platform ${T} NOT NULL, channel_id ${T} NOT NULL, thread_ref ${T} NOT NULL, digest_id TEXT,
  story_ids TEXT NOT NULL, turns TEXT NOT NULL, PRIMARY KEY (platform, channel_id, thread_ref)
);
CREATE TABLE fts_totals (
  tbl TEXT NOT NULL, slot SMALLINT NOT NULL, docs BIGINT NOT NULL, tokens BIGINT NOT NULL, PRIMARY KEY (tbl, slot)
);
COMMENT ON TABLE fts_totals IS 'Documents and tokens of each full-text index (FTS5 row count and total size), in slots so concurrent writers rarely update one row';
${ftsTables('articles', 'title', 'text')}
${ftsTables('quotes', 'text', 'speaker')}
${ftsTables('briefs', 'headline', 'bullets')}
`,
  },
  {
    // As SQLite's migration 2: generated, indexed speaker_key (the name ASCII-lowercased) and
    // speaker_surname (the key after its last space, null without one) replace the lower()/reverse()
    // expression indexes. mentions_entity already folds case here (migration 1), so it stays.
    version: 2,
    name: 'lookup-indexes',
    sql: `
ALTER TABLE quotes
  ADD COLUMN speaker_key ${T} GENERATED ALWAYS AS (chipbrief_ascii_lower(speaker_name)) STORED,
  ADD COLUMN speaker_surname ${T} GENERATED ALWAYS AS (
    CASE WHEN strpos(chipbrief_ascii_lower(speaker_name), ' ') = 0 THEN NULL
    ELSE reverse(split_part(reverse(chipbrief_ascii_lower(speaker_name)), ' ', 1)) END) STORED;
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
CREATE INDEX quotes_speaker_surname ON quotes(speaker_surname);
DROP INDEX quotes_speaker;
DROP INDEX quotes_speaker_suffix;
`,
  },
  {
    // As SQLite's migration 3, which stops storing the article text a second time in its FTS5 table.
    // The PostgreSQL postings never held the text, so there is nothing to change here.
    version: 3,
    name: 'articles-fts-external-content',
    sql: 'SELECT 1',
  },
];

/**
 * Applies pending migrations, each in its own transaction, under a session advisory lock: processes
 * starting at once wait for the first, then find nothing left to do. Returns the schema version.
 */
export async function migratePostgres(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATE]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const done = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of PG_MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [m.version, m.name, new Date().toISOString()],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
      const v = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      return v.rows[0]?.v ?? 0;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCK_MIGRATE]);
    }
  } finally {
    client.release();
  }
}
