import { describe, expect, it } from 'vitest';
import { storeLocation } from '../../../src/store/store-location.js';

describe('storeLocation', () => {
  it('names the SQLite file, or the PostgreSQL host and database without the password', () => {
    expect(storeLocation({ CHIPBRIEF_DB: './data/chipbrief.db' }, { kind: 'sqlite' })).toBe(
      './data/chipbrief.db',
    );
    const pg = storeLocation(
      {
        CHIPBRIEF_DB: './data/chipbrief.db',
        CHIPBRIEF_DATABASE_URL: 'postgres://bot:s3cret@db.internal/chipbrief',
      },
      { kind: 'postgres' },
    );
    expect(pg).toBe('postgres://db.internal:5432/chipbrief');
    expect(pg).not.toContain('s3cret');
    expect(
      storeLocation({ CHIPBRIEF_DB: 'x', CHIPBRIEF_DATABASE_URL: 'not a url' }, { kind: 'postgres' }),
    ).toBe('postgres');
  });
});
