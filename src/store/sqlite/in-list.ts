import type Database from 'better-sqlite3';
import type { Db } from './database.js';

/** Longest IN list kept prepared; longer (rare) lists are prepared per call so the cache stays small. */
const MAX_CACHED = 512;

/**
 * Statements whose SQL has an `IN (?, ?, ...)` list, by list length: preparing on every call cost
 * more than running the lookup. `sql` gets the placeholders ("?,?,?") and returns the statement text.
 */
export function inListStatements(
  db: Db,
  sql: (placeholders: string) => string,
): (n: number) => Database.Statement {
  const cache = new Map<number, Database.Statement>();
  return (n) => {
    let st = cache.get(n);
    if (!st) {
      st = db.prepare(sql(Array(n).fill('?').join(',')));
      if (n <= MAX_CACHED) cache.set(n, st);
    }
    return st;
  };
}
