/**
 * Numbered migrations, applied in order at open, each in its own transaction. Never edit a shipped
 * migration: add the next number. The PostgreSQL store keeps the same numbers for the same changes.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'init',
    sql: `
CREATE TABLE sources (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, url TEXT NOT NULL UNIQUE, name TEXT,
  enabled INTEGER NOT NULL DEFAULT 1, added_by TEXT, priority INTEGER NOT NULL DEFAULT 0,
  poll_minutes INTEGER NOT NULL DEFAULT 30, etag TEXT, last_modified TEXT, last_polled_at TEXT
);
CREATE TABLE articles (
  id TEXT PRIMARY KEY, url TEXT NOT NULL, source_id TEXT, title TEXT NOT NULL, byline TEXT,
  site_name TEXT, published_at TEXT, fetched_at TEXT NOT NULL, text TEXT NOT NULL,
  content_hash TEXT NOT NULL, story_id TEXT
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published_at);
CREATE TABLE quotes (
  id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, speaker_name TEXT,
  speaker_role TEXT, speaker_kind TEXT NOT NULL, cue TEXT, verified INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id, start);
CREATE INDEX quotes_speaker ON quotes(speaker_name COLLATE NOCASE);
CREATE TABLE mentions (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, kind TEXT NOT NULL,
  canonical TEXT NOT NULL, surface TEXT NOT NULL, start INTEGER NOT NULL, count INTEGER NOT NULL,
  PRIMARY KEY (article_id, kind, canonical)
);
CREATE INDEX mentions_entity ON mentions(kind, canonical);
CREATE TABLE stories (
  id TEXT PRIMARY KEY, canonical_article_id TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL
);
CREATE INDEX stories_first_seen ON stories(first_seen);
CREATE TABLE story_keys (key TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id)) WITHOUT ROWID;
CREATE TABLE sketches (article_id TEXT PRIMARY KEY, sketch TEXT NOT NULL);
CREATE TABLE briefs (
  id TEXT PRIMARY KEY, story_id TEXT NOT NULL, content_hash TEXT NOT NULL, prompt_version TEXT NOT NULL,
  model TEXT NOT NULL, summarizer TEXT NOT NULL, headline TEXT NOT NULL, bullets TEXT NOT NULL,
  quote_ids TEXT NOT NULL, tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL, fallback_reason TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (story_id, content_hash, prompt_version, model)
);
CREATE INDEX briefs_story ON briefs(story_id, created_at);
CREATE TABLE llm_usage (
  day TEXT PRIMARY KEY, calls INTEGER NOT NULL, tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL,
  fallbacks INTEGER NOT NULL
);
CREATE TABLE subscriptions (
  platform TEXT NOT NULL, workspace_id TEXT NOT NULL, channel_id TEXT NOT NULL, time TEXT NOT NULL,
  tz TEXT NOT NULL, filters TEXT NOT NULL, created_by TEXT, PRIMARY KEY (platform, channel_id)
);
CREATE TABLE digests (
  id TEXT PRIMARY KEY, platform TEXT NOT NULL, channel_id TEXT NOT NULL, date TEXT NOT NULL,
  story_ids TEXT NOT NULL, attempted_at TEXT, message_ref TEXT, posted_at TEXT,
  UNIQUE (platform, channel_id, date)
);
CREATE TABLE threads (
  platform TEXT NOT NULL, channel_id TEXT NOT NULL, thread_ref TEXT NOT NULL, digest_id TEXT,
  story_ids TEXT NOT NULL, turns TEXT NOT NULL, PRIMARY KEY (platform, channel_id, thread_ref)
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE briefs_fts USING fts5(headline, bullets, tokenize = 'porter unicode61 remove_diacritics 2');
`,
  },
  {
    // Lookups that scanned: quotes by speaker surname (LIKE '% name'), articles by entity (NOCASE).
    // speaker_key is the name ASCII-lowercased (lower() folds ASCII only, as NOCASE and LIKE do);
    // speaker_surname is the key after its last space, null without one (see speaker-lookup.ts):
    // rtrim(key, <key's non-space characters>) keeps the key up to its last space.
    // Generated columns: existing quotes get them now, and no writer can store them out of step.
    version: 2,
    name: 'lookup-indexes',
    sql: `
ALTER TABLE quotes ADD COLUMN speaker_key TEXT GENERATED ALWAYS AS (lower(speaker_name)) VIRTUAL;
ALTER TABLE quotes ADD COLUMN speaker_surname TEXT GENERATED ALWAYS AS (
  CASE WHEN instr(speaker_key, ' ') = 0 THEN NULL
  ELSE substr(speaker_key, length(rtrim(speaker_key, replace(speaker_key, ' ', ''))) + 1) END) VIRTUAL;
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);
CREATE INDEX quotes_speaker_surname ON quotes(speaker_surname);
DROP INDEX quotes_speaker;
DROP INDEX mentions_entity;
CREATE INDEX mentions_entity_nocase ON mentions(kind, canonical COLLATE NOCASE);
`,
  },
  {
    // The article text was stored twice: in articles and again in articles_fts' own content table.
    // External content reads title and text from articles (by the same rowid the store already
    // indexes under), so each ingest writes the text once. The index itself, hence bm25, is unchanged:
    // rebuilt from the same rows with the same tokenizer. Articles are never updated or deleted, so no
    // trigger is needed to keep the index in step (a delete would have to tell FTS5 the old values).
    version: 3,
    name: 'articles-fts-external-content',
    sql: `
CREATE VIRTUAL TABLE articles_fts_ext USING fts5(title, text, content = 'articles', content_rowid = 'rowid',
  tokenize = 'porter unicode61 remove_diacritics 2');
INSERT INTO articles_fts_ext (articles_fts_ext) VALUES ('rebuild');
DROP TABLE articles_fts;
ALTER TABLE articles_fts_ext RENAME TO articles_fts;
`,
  },
];
