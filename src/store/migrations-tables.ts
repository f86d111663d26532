/**
 * The tables of the schema (migration 1 and later), as both dialects define them, in the order rows
 * must be loaded (articles before their quotes). `chipbrief export` writes every table's rows in this
 * order as JSON lines, `chipbrief import` reads them back into either store. The full-text tables are
 * not listed: each store derives them from the rows it loads. A test checks this list against the
 * SQLite schema, another the PostgreSQL one.
 */
export type ColumnType = 'text' | 'int' | 'bool';

export interface TableSpec {
  name: string;
  /** Column -> type, in schema order. JSON columns (bullets, filters ...) are text, as stored. */
  columns: Readonly<Record<string, ColumnType>>;
  /** The primary key: rows are exported in its (byte) order, unless `ordered`. */
  key: readonly string[];
  /**
   * Rows keep their insertion order (SQLite rowid, PostgreSQL `seq`), which some reads depend on
   * (listArticleIds, ties of latestBrief): exported and imported in that order.
   */
  ordered: boolean;
}

const texts = (...names: string[]): Record<string, ColumnType> =>
  Object.fromEntries(names.map((c) => [c, 'text' as const]));

export const TRANSFER_TABLES: readonly TableSpec[] = [
  {
    name: 'sources',
    columns: {
      id: 'text',
      kind: 'text',
      url: 'text',
      name: 'text',
      enabled: 'bool',
      added_by: 'text',
      priority: 'int',
      poll_minutes: 'int',
      etag: 'text',
      last_modified: 'text',
      last_polled_at: 'text',
    },
    key: ['id'],
    ordered: false,
  },
  {
    name: 'articles',
    columns: {
      id: 'text',
      url: 'text',
      source_id: 'text',
      title: 'text',
      byline: 'text',
      site_name: 'text',
      published_at: 'text',
      fetched_at: 'text',
      text: 'text',
      content_hash: 'text',
      story_id: 'text',
    },
    key: ['id'],
    ordered: true,
  },
  {
    name: 'quotes',
    columns: {
      id: 'text',
      article_id: 'text',
      start: 'int',
      end: 'int',
      text: 'text',
      speaker_name: 'text',
      speaker_role: 'text',
      speaker_kind: 'text',
      cue: 'text',
      verified: 'bool',
    },
    key: ['id'],
    ordered: true,
  },
  {
    name: 'mentions',
    columns: {
      article_id: 'text',
      kind: 'text',
      canonical: 'text',
      surface: 'text',
      start: 'int',
      count: 'int',
    },
    key: ['article_id', 'kind', 'canonical'],
    ordered: false,
  },
  {
    name: 'stories',
    columns: texts('id', 'canonical_article_id', 'first_seen', 'last_seen'),
    key: ['id'],
    ordered: false,
  },
  { name: 'story_keys', columns: texts('key', 'article_id'), key: ['key', 'article_id'], ordered: false },
  { name: 'sketches', columns: texts('article_id', 'sketch'), key: ['article_id'], ordered: false },
  {
    name: 'briefs',
    columns: {
      id: 'text',
      story_id: 'text',
      content_hash: 'text',
      prompt_version: 'text',
      model: 'text',
      summarizer: 'text',
      headline: 'text',
      bullets: 'text',
      quote_ids: 'text',
      tokens_in: 'int',
      tokens_out: 'int',
      fallback_reason: 'text',
      created_at: 'text',
    },
    key: ['id'],
    ordered: true,
  },
  {
    name: 'llm_usage',
    columns: { day: 'text', calls: 'int', tokens_in: 'int', tokens_out: 'int', fallbacks: 'int' },
    key: ['day'],
    ordered: false,
  },
  {
    name: 'subscriptions',
    columns: texts('platform', 'workspace_id', 'channel_id', 'time', 'tz', 'filters', 'created_by'),
    key: ['platform', 'channel_id'],
    ordered: false,
  },
  {
    name: 'digests',
    columns: texts(
      'id',
      'platform',
      'channel_id',
      'date',
      'story_ids',
      'attempted_at',
      'message_ref',
      'posted_at',
    ),
    key: ['id'],
    ordered: false,
  },
  {
    name: 'threads',
    columns: texts('platform', 'channel_id', 'thread_ref', 'digest_id', 'story_ids', 'turns'),
    key: ['platform', 'channel_id', 'thread_ref'],
    ordered: false,
  },
];

/** A row as exported: column -> string | number | boolean | null. */
export type TransferRow = Record<string, string | number | boolean | null>;

/** The table of this name, or undefined. */
export function transferTable(name: string): TableSpec | undefined {
  return TRANSFER_TABLES.find((x) => x.name === name);
}

/** What export and import need of a store, beyond the port: its rows, table by table. */
export interface StoreTransfer {
  /** Every row of the table in export order (insertion order, else key order), page by page. */
  rows(table: TableSpec): AsyncIterable<TransferRow[]>;
  /**
   * Stores the rows whose key is not stored yet, with their full-text entries; a stored row is kept as
   * it is, so loading the same rows again changes nothing. Returns how many rows were new.
   */
  load(table: TableSpec, rows: readonly TransferRow[]): Promise<number>;
  /** Runs `fn` (an export) over one consistent snapshot of the store. */
  snapshot<T>(fn: () => Promise<T>): Promise<T>;
  /** After a bulk load: refreshes what the query planner knows, as a store that grew slowly has it. */
  settle(): Promise<void>;
}

/** The text FTS5 indexes as a quote's "speaker" column: name and role. */
export function speakerColumn(name: string | null, role: string | null): string {
  return [name, role].filter(Boolean).join(' ');
}

/** The text FTS5 indexes as a brief's "bullets" column: the bullets, one per line. */
export function bulletsColumn(bulletsJson: string): string {
  try {
    const b = JSON.parse(bulletsJson) as unknown;
    return Array.isArray(b) ? b.join('\n') : '';
  } catch {
    return '';
  }
}
