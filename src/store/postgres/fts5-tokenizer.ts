import Database from 'better-sqlite3';

/**
 * The tokenizer of every FTS5 table of the SQLite store (src/store/sqlite/migrations.ts). A test checks
 * the two stay the same.
 */
export const FTS5_TOKENIZE = 'porter unicode61 remove_diacritics 2';

/** What bm25() needs of one document: hits of each term per column, and its size in tokens. */
export interface DocTerms {
  /** term -> [hits in column 0, hits in column 1] */
  terms: Map<string, [number, number]>;
  /** Tokens of both columns (FTS5's xColumnSize(-1)). */
  tokens: number;
}

/**
 * FTS5's own tokenizer, run in an in-memory SQLite database: the PostgreSQL index is cut into exactly
 * the terms the SQLite store indexes (unicode61 folding and diacritics, Porter stemming and all), by the
 * same code rather than a port of it. A document is indexed inside a transaction that is rolled back,
 * so the scratch table stays empty.
 */
export class Fts5Tokenizer {
  private readonly db: Database.Database;
  private readonly begin: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly cols: Database.Statement;
  private readonly instances: Database.Statement;

  constructor() {
    this.db = new Database(':memory:');
    this.db.exec(`
      CREATE VIRTUAL TABLE doc USING fts5(c0, c1, tokenize = '${FTS5_TOKENIZE}');
      CREATE VIRTUAL TABLE doc_cols USING fts5vocab(doc, col);
      CREATE VIRTUAL TABLE doc_instances USING fts5vocab(doc, instance);`);
    this.begin = this.db.prepare('BEGIN');
    this.rollback = this.db.prepare('ROLLBACK');
    this.insert = this.db.prepare('INSERT INTO doc (rowid, c0, c1) VALUES (1, ?, ?)');
    this.cols = this.db.prepare('SELECT term, col, cnt FROM doc_cols').raw(true);
    this.instances = this.db.prepare('SELECT term, "offset" FROM doc_instances WHERE col = ?').raw(true);
  }

  /** Terms and size of a two-column document, as FTS5 indexes it. */
  document(c0: string, c1: string): DocTerms {
    return this.scratch(c0, c1, () => {
      const terms = new Map<string, [number, number]>();
      let tokens = 0;
      for (const [term, col, cnt] of this.cols.all() as [string, string, number][]) {
        let hits = terms.get(term);
        if (!hits) {
          hits = [0, 0];
          terms.set(term, hits);
        }
        hits[col === 'c0' ? 0 : 1] += cnt;
        tokens += cnt;
      }
      return { terms, tokens };
    });
  }

  /** The tokens of a text in order (a query phrase, or a column searched for a phrase). */
  sequence(text: string): string[] {
    return this.scratch(text, '', () => {
      const rows = this.instances.all('c0') as [string, number][];
      return rows.sort((a, b) => a[1] - b[1]).map((r) => r[0]);
    });
  }

  /** The token sequences of both columns of a document. */
  columns(c0: string, c1: string): [string[], string[]] {
    return this.scratch(c0, c1, () => {
      const seq = (col: string) =>
        (this.instances.all(col) as [string, number][]).sort((a, b) => a[1] - b[1]).map((r) => r[0]);
      return [seq('c0'), seq('c1')];
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private scratch<T>(c0: string, c1: string, read: () => T): T {
    this.begin.run();
    try {
      this.insert.run(c0, c1);
      return read();
    } finally {
      this.rollback.run();
    }
  }
}
